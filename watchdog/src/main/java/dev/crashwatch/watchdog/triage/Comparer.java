package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.StackIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions' tallies crash by crash. A crash matches across versions only when its name is the
 * same. Rates are per run when both versions counted runs, else raw counts.
 */
final class Comparer {
    private Comparer() {
    }

    static Comparison compare(Optional<String> program, String baseVersion, VersionTally base, String newVersion,
                              VersionTally next) {
        boolean perRun = base.runs > 0 && next.runs > 0;
        List<CrashChange> added = new ArrayList<>();
        List<CrashChange> gone = new ArrayList<>();
        List<CrashChange> changed = new ArrayList<>();
        List<CrashChange> unchanged = new ArrayList<>();
        Set<String> names = new TreeSet<>(base.crashes.keySet());
        names.addAll(next.crashes.keySet());
        for (String name : names) {
            long b = base.crashes.getOrDefault(name, 0L);
            long n = next.crashes.getOrDefault(name, 0L);
            CrashChange c = new CrashChange(name, StackIds.of(name), CrashKind.of(name), b, n,
                    perRun ? (double) b / base.runs : b, perRun ? (double) n / next.runs : n, CounterNames.frames(name));
            if (b == 0) {
                added.add(c);
            } else if (n == 0) {
                gone.add(c);
            } else if (c.baseRate() != c.newRate()) {
                changed.add(c);
            } else {
                unchanged.add(c);
            }
        }
        added.sort(Comparator.comparingDouble(CrashChange::newRate).reversed());
        gone.sort(Comparator.comparingDouble(CrashChange::baseRate).reversed());
        changed.sort(Comparator.comparingDouble((CrashChange c) -> c.newRate() / c.baseRate()).reversed());
        unchanged.sort(Comparator.comparingDouble(CrashChange::newRate).reversed());
        return new Comparison(program, baseVersion, newVersion, perRun,
                perRun || base.runs > 0 ? Optional.of(base.runs) : Optional.empty(),
                perRun || next.runs > 0 ? Optional.of(next.runs) : Optional.empty(), added, gone, changed, unchanged);
    }
}
