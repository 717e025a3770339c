package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.triage.VersionOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code regressions}: each crash marked fixed in V that a report from V or a later version (in
 * {@link VersionOrder}) counted again. Reports from versions before V never count, however recent they are: old
 * clients still crashing is expected, and reopening on them is the noise Sentry's users complain of.
 */
public final class Regressions {
    private Regressions() {
    }

    public static List<Regression> find(VersionTable table, List<FixedCrash> marks) {
        List<Regression> found = new ArrayList<>();
        for (FixedCrash mark : marks) {
            for (String program : table.programs()) {
                if (mark.program().isPresent() && !mark.program().get().equals(program)) {
                    continue;
                }
                for (Map.Entry<String, List<VersionCrash>> e : table.byName(program).entrySet()) {
                    List<VersionCrash> cells = e.getValue();
                    if (!cells.get(0).stackId().equals(mark.stackId())) {
                        continue;
                    }
                    List<VersionCrash> since = cells.stream()
                        .filter(c -> VersionOrder.INSTANCE.compare(c.version(), mark.fixedIn()) >= 0).toList();
                    if (!since.isEmpty()) {
                        List<VersionCrash> older = cells.stream().filter(c -> !since.contains(c)).toList();
                        found.add(new Regression(mark, program, e.getKey(), cells.get(0).kind(),
                            since.stream().map(VersionCrash::firstWeek).min(Comparator.naturalOrder()).orElseThrow(),
                            since.stream().mapToLong(VersionCrash::count).sum(), since, older));
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Regression::countSince).reversed()
            .thenComparing(r -> r.mark().stackId()).thenComparing(Regression::program).thenComparing(Regression::name));
        return found;
    }
}
