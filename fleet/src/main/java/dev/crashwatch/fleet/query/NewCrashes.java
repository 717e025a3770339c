package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.triage.VersionOrder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code new --version V}: the crashes seen in V and in no earlier version of the same program
 * ({@link VersionOrder}), most machines first. Every program that reported V is looked at, or only {@code --program}.
 */
public final class NewCrashes {
    private NewCrashes() {
    }

    /** The new crashes in {@code version}, from a whole table (the web page has one loaded). */
    public static List<VersionCrash> in(VersionTable table, String version) {
        return in(table, version, program -> table.crashes().stream()
            .filter(c -> c.program().equals(program) && VersionOrder.INSTANCE.compare(c.version(), version) < 0)
            .map(VersionCrash::name).collect(Collectors.toSet()));
    }

    /**
     * What {@code crashwatch fleet new} runs: the crashes of {@code ofVersion} ({@link VersionTable#loadVersion}),
     * and of every other version only which crashes it saw, without counting machines: a fraction of the work of a
     * whole table.
     */
    public static List<VersionCrash> in(FleetDb db, VersionTable ofVersion, String version, Optional<String> program)
            throws SQLException {
        Map<String, Set<String>> earlier = new HashMap<>();
        Where crash = Where.crashes().program(program);
        db.query("SELECT DISTINCT program, version, counter FROM counters" + crash.sql(), crash.params(), rs -> {
            if (VersionOrder.INSTANCE.compare(rs.getString(2), version) < 0) {
                earlier.computeIfAbsent(rs.getString(1), p -> new HashSet<>()).add(rs.getString(3));
            }
            return rs.getString(3);
        });
        return in(ofVersion, version, p -> earlier.getOrDefault(p, Set.of()));
    }

    /** The crashes of {@code version} in {@code table} whose names are not among {@code earlier}'s for their program. */
    private static List<VersionCrash> in(VersionTable table, String version, Function<String, Set<String>> earlier) {
        List<VersionCrash> found = new ArrayList<>();
        for (String program : table.programs()) {
            Set<String> before = earlier.apply(program);
            table.in(program, version).stream().filter(c -> !before.contains(c.name())).forEach(found::add);
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
