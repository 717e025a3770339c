package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.triage.VersionOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code trend}: per week and program version, machines reporting, machines with a crash, and crashes. */
public final class Trend {
    private Trend() {
    }

    public static List<TrendRow> weekly(FleetDb db, Optional<String> program) throws SQLException {
        Where where = Where.all().program(program);
        String crash = Where.CRASH_ROW;
        // Each report's crashes first, then per week and version: one hash table of reports instead of two
        // DISTINCT counts (a report with a crash row has a crash count above 0).
        List<TrendRow> rows = db.query("SELECT CAST(week AS VARCHAR), program, version, count(*),"
                + " count(*) FILTER (WHERE crashes > 0), coalesce(sum(crashes), 0) FROM (SELECT week, program, version,"
                + " report_id, sum(CASE WHEN " + crash + " THEN count END) AS crashes FROM counters" + where.sql()
                + " GROUP BY week, program, version, report_id) GROUP BY week, program, version",
            Stream.concat(Stream.of(Where.CRASH_PREFIX), where.params().stream()).toList(),
            rs -> new TrendRow(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6)));
        rows.sort(Comparator.comparing(TrendRow::week).thenComparing(TrendRow::program)
            .thenComparing(TrendRow::version, VersionOrder.INSTANCE));
        return rows;
    }
}
