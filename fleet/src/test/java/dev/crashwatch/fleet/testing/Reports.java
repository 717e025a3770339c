package dev.crashwatch.fleet.testing;

import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Valid reports for tests: the last ended week, crash names that pass the privacy grammar; their IDs are made where
 * every report ID is ({@link dev.crashwatch.watchdog.store.ReportIds#newId}).
 */
public final class Reports {
    private Reports() {
    }

    /** The Monday of the last week that has ended (UTC). */
    public static LocalDate lastWeek() {
        return Weeks.startOf(LocalDate.now(ZoneOffset.UTC)).minusWeeks(1);
    }

    public static Report report(String id, String program, String version, Map<String, Long> counters) {
        return new Report(id, lastWeek(), List.of(
                new ReportEntry(program, version, "17.0.15", "linux-debian-12", "amd64", counters)));
    }

    /** A report of {@code app 2.4.0-rc1} with one uncaught-exception stack counted {@code count} times. */
    public static Report simple(String id, long count) {
        return report(id, "app", "2.4.0-rc1",
                Map.of("crash/crash\njava.lang.IllegalStateException\napp.Main.main:+2", count));
    }

    public static byte[] json(Report report) {
        return ReportJson.write(report).getBytes(StandardCharsets.UTF_8);
    }
}
