package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.triage.VersionOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code show STACKID}: every crash counter whose stack ID ({@link StackIds}, the local half's) is the one asked
 * for, usually one (two names sharing an ID are both shown), with where it was seen.
 */
public final class StackDetails {
    private static final String NAME_IS = "counter = ?";
    /** "program version" values: by program, then in version order. */
    private static final Comparator<Seen> BY_PROGRAM_VERSION = Comparator.comparing(StackDetails::program)
        .thenComparing(StackDetails::version, VersionOrder.INSTANCE);

    private StackDetails() {
    }

    public static List<StackDetail> of(FleetDb db, String stackId) throws SQLException {
        Where crashes = Where.crashes();
        List<String> names = db.query("SELECT DISTINCT counter FROM counters" + crashes.sql(), crashes.params(),
            rs -> rs.getString(1));
        List<StackDetail> details = new ArrayList<>();
        for (String name : names.stream().filter(n -> StackIds.of(n).equals(stackId)).sorted().toList()) {
            details.add(detail(db, stackId, name));
        }
        return details;
    }

    private static StackDetail detail(FleetDb db, String stackId, String name) throws SQLException {
        Where where = Where.crashes().and(NAME_IS, name);
        List<Object[]> totals = db.query("SELECT count(DISTINCT report_id), sum(count), CAST(min(week) AS VARCHAR),"
            + " CAST(max(week) AS VARCHAR) FROM counters" + where.sql(), where.params(),
            rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)});
        Object[] t = totals.get(0);
        List<Seen> versions = seen(db, where, "program || ' ' || version");
        versions.sort(BY_PROGRAM_VERSION);
        List<Seen> weeks = seen(db, where, "CAST(week AS VARCHAR)");
        weeks.sort(Comparator.comparing(Seen::value));
        List<Seen> java = seen(db, where, "java_version");
        java.sort(Comparator.comparing(Seen::value, VersionOrder.INSTANCE));
        List<Seen> systems = seen(db, where, "os || '/' || arch");
        systems.sort(Comparator.comparingLong(Seen::machines).reversed().thenComparing(Seen::value));
        return new StackDetail(stackId, name, CrashKind.of(name), (long) t[0], (long) t[1], LocalDate.parse((String) t[2]),
            LocalDate.parse((String) t[3]), versions, without(db, versions), weeks, java, systems);
    }

    /**
     * The versions of the crash's programs after the first that had it which were reported without it, each with the
     * machine-weeks reporting it (and 0 crashes): what answers "is it fixed in V?" (a version missing from both lists
     * has no report, so says nothing either way).
     */
    private static List<Seen> without(FleetDb db, List<Seen> versions) throws SQLException {
        Map<String, Set<String>> with = new TreeMap<>();
        versions.forEach(s -> with.computeIfAbsent(program(s), p -> new TreeSet<>(VersionOrder.INSTANCE)).add(version(s)));
        List<Seen> without = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : with.entrySet()) {
            String first = ((TreeSet<String>) e.getValue()).first();
            Where all = Where.all().program(Optional.of(e.getKey()));
            db.query("SELECT version, count(DISTINCT report_id) FROM counters" + all.sql() + " GROUP BY version",
                all.params(), rs -> new Seen(e.getKey() + " " + rs.getString(1), rs.getLong(2), 0)).stream()
                .filter(s -> VersionOrder.INSTANCE.compare(version(s), first) > 0 && !e.getValue().contains(version(s)))
                .forEach(without::add);
        }
        without.sort(BY_PROGRAM_VERSION);
        return without;
    }

    private static String program(Seen programVersion) {
        return programVersion.value().substring(0, programVersion.value().indexOf(' '));
    }

    private static String version(Seen programVersion) {
        return programVersion.value().substring(programVersion.value().indexOf(' ') + 1);
    }

    /** Machines and crashes per value of {@code dimension}, one of this class's constant expressions. */
    private static List<Seen> seen(FleetDb db, Where where, String dimension) throws SQLException {
        return new ArrayList<>(db.query("SELECT " + dimension + " AS v, count(DISTINCT report_id), sum(count) FROM counters"
            + where.sql() + " GROUP BY v", where.params(), rs -> new Seen(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }
}
