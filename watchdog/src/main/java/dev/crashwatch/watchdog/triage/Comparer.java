package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.signature.StackIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions' tallies crash by crash. A crash matches across versions only when its name is the
 * same. Rates are per 1,000 runs when both versions counted runs, else raw counts. A crash seen only on Java versions
 * that the other version never ran on is marked ({@link CrashChange#javaGap()}).
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
            Set<String> javas = new HashSet<>(base.crashJavas.getOrDefault(name, Set.of()));
            javas.addAll(next.crashJavas.getOrDefault(name, Set.of()));
            VersionTally other = b == 0 ? base : next;
            boolean javaGap = (b == 0 || n == 0) && Collections.disjoint(javas, other.javaVersions);
            CrashChange c = new CrashChange(name, StackIds.of(name), CrashKind.of(name), b, n,
                    perRun ? rate(b, base.runs) : b, perRun ? rate(n, next.runs) : n, Ranking.frames(name),
                    Ranking.sortedJavas(javas), javaGap);
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
                perRun || next.runs > 0 ? Optional.of(next.runs) : Optional.empty(), added, gone, changed, unchanged,
                Ranking.sortedJavas(base.javaVersions), Ranking.sortedJavas(next.javaVersions));
    }

    private static double rate(long crashes, long runs) {
        return (double) crashes * Comparison.RUNS_PER_RATE / runs;
    }
}
