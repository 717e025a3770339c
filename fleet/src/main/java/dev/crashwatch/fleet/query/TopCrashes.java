package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.triage.VersionOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code top}: crashes ranked by the machines (distinct reports) that hit them, then by count, then stack ID.
 * {@code --weeks N} keeps the last N weeks counting back from the newest week any report covers (reports cover
 * only weeks that have ended, so "this week" would always be empty).
 */
public final class TopCrashes {
    private TopCrashes() {
    }

    /** The filter of a ranking; empty parts do not filter. */
    public record Filter(Optional<String> program, Optional<String> version, Optional<Integer> weeks) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private record FirstSeen(LocalDate week, String version) {
    }

    public static List<FleetCrash> rank(FleetDb db, Filter filter) throws SQLException {
        Where where = Where.crashes().program(filter.program()).version(filter.version());
        if (filter.weeks().isPresent()) {
            where.and("week >= (SELECT max(week) FROM counters) - to_weeks(CAST(? AS INTEGER))", filter.weeks().get() - 1);
        }
        Map<String, FirstSeen> first = firstSeen(db, filter.program());
        List<FleetCrash> ranked = db.query("SELECT counter, count(DISTINCT report_id), sum(count), CAST(max(week) AS VARCHAR)"
                + " FROM counters" + where.sql() + " GROUP BY counter", where.params(), rs -> {
                    String name = rs.getString(1);
                    FirstSeen f = first.get(name);
                    return new FleetCrash(StackIds.of(name), name, CrashKind.of(name), rs.getLong(2), rs.getLong(3),
                        f.week(), f.version(), LocalDate.parse(rs.getString(4)));
                });
        ranked.sort(Comparator.comparingLong(FleetCrash::machines).reversed()
            .thenComparing(Comparator.comparingLong(FleetCrash::count).reversed())
            .thenComparing(FleetCrash::stackId).thenComparing(FleetCrash::name));
        return ranked;
    }

    /** Each crash's first week and oldest version, for the program filter only. */
    private static Map<String, FirstSeen> firstSeen(FleetDb db, Optional<String> program) throws SQLException {
        Map<String, FirstSeen> first = new HashMap<>();
        Where where = Where.crashes().program(program);
        db.query("SELECT counter, version, CAST(min(week) AS VARCHAR) FROM counters" + where.sql()
            + " GROUP BY counter, version", where.params(), rs -> {
                FirstSeen seen = new FirstSeen(LocalDate.parse(rs.getString(3)), rs.getString(2));
                first.merge(rs.getString(1), seen, (a, b) -> new FirstSeen(
                    a.week().isBefore(b.week()) ? a.week() : b.week(),
                    VersionOrder.INSTANCE.compare(a.version(), b.version()) <= 0 ? a.version() : b.version()));
                return seen;
            });
        return first;
    }
}
