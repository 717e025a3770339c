package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.triage.VersionOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code show STACKID}: every crash counter whose stack ID ({@link StackIds}, the local half's) is the one asked
 * for, usually one (two names sharing an ID are both shown), with where it was seen.
 */
public final class StackDetails {
    private static final String NAME_IS = "counter = ?";

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
        versions.sort(Comparator.comparing((Seen s) -> s.value().substring(0, s.value().indexOf(' ')))
            .thenComparing(s -> s.value().substring(s.value().indexOf(' ') + 1), VersionOrder.INSTANCE));
        List<Seen> weeks = seen(db, where, "CAST(week AS VARCHAR)");
        weeks.sort(Comparator.comparing(Seen::value));
        List<Seen> java = seen(db, where, "java_version");
        java.sort(Comparator.comparing(Seen::value, VersionOrder.INSTANCE));
        List<Seen> systems = seen(db, where, "os || '/' || arch");
        systems.sort(Comparator.comparingLong(Seen::machines).reversed().thenComparing(Seen::value));
        return new StackDetail(stackId, name, CrashKind.of(name), (long) t[0], (long) t[1], LocalDate.parse((String) t[2]),
            LocalDate.parse((String) t[3]), versions, weeks, java, systems);
    }

    /** Machines and crashes per value of {@code dimension}, one of this class's constant expressions. */
    private static List<Seen> seen(FleetDb db, Where where, String dimension) throws SQLException {
        return new ArrayList<>(db.query("SELECT " + dimension + " AS v, count(DISTINCT report_id), sum(count) FROM counters"
            + where.sql() + " GROUP BY v", where.params(), rs -> new Seen(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }
}
