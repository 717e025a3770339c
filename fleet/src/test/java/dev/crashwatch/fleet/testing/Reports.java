package dev.crashwatch.fleet.testing;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Valid reports for tests: random IDs, the last ended week, crash names that pass the privacy grammar. */
public final class Reports {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Reports() {
    }

    public static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The Monday of the last week that has ended (UTC). */
    public static LocalDate lastWeek() {
        return LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
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
