package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.triage.VersionOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code new --version V}: the crashes seen in V and in no earlier version of the same program
 * ({@link VersionOrder}), most machines first. Every program that reported V is looked at, or only {@code --program}.
 */
public final class NewCrashes {
    private NewCrashes() {
    }

    public static List<VersionCrash> in(VersionTable table, String version) {
        List<VersionCrash> found = new ArrayList<>();
        for (String program : table.programs()) {
            Set<String> earlier = table.crashes().stream()
                .filter(c -> c.program().equals(program) && VersionOrder.INSTANCE.compare(c.version(), version) < 0)
                .map(VersionCrash::name).collect(Collectors.toSet());
            table.in(program, version).stream().filter(c -> !earlier.contains(c.name())).forEach(found::add);
        }
        found.sort(Comparator.comparingLong(VersionCrash::machines).reversed()
            .thenComparing(Comparator.comparingLong(VersionCrash::count).reversed())
            .thenComparing(VersionCrash::stackId).thenComparing(VersionCrash::program).thenComparing(VersionCrash::name));
        return found;
    }

    /** The programs that reported {@code version}: where "new in" it can be asked. */
    public static List<String> programsWith(VersionTable table, String version, Optional<String> program) {
        return table.programs().stream().filter(p -> table.reporting(p, version) > 0)
            .filter(p -> program.isEmpty() || program.get().equals(p)).toList();
    }
}
