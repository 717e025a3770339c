package dev.crashwatch.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.cli.Main;
import dev.crashwatch.watchdog.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crashwatch collector --today}, for tests: the collector's UTC date becomes that day while its time of day
 * runs on; a value that is not a date is a usage error before anything is opened. (The collector with it as a
 * process of its own: {@code AutomaticUploadIT}.)
 */
class CollectorCommandTest {
    @TempDir
    Path tmp;

    @Test
    void today_moves_the_date_by_whole_days_and_the_clock_keeps_running() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        Clock clock = CollectorCommand.today(day.toString());
        assertEquals(day, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertTrue(ahead.minusDays(7).abs().compareTo(Duration.ofMinutes(1)) < 0, ahead.toString());
        assertEquals(LocalDate.parse("2020-02-29"),
                LocalDate.now(CollectorCommand.today("2020-02-29").withZone(ZoneOffset.UTC)));
    }

    @Test
    void a_today_that_is_not_a_date_is_a_usage_error_and_nothing_is_made() {
        assertThrows(UsageException.class, () -> CollectorCommand.today("next monday"));
        FleetMain.registerAll();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path dir = tmp.resolve("collector");
        int status = Main.execute(new String[] {"collector", "--dir", dir.toString(), "--today", "2026-13-01"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--today needs a date YYYY-MM-DD, not '2026-13-01'"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(dir));
    }
}
