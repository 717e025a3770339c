package dev.crashwatch.watchdog.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code crashwatch status} says about uploads, from the mode file and {@code reports/} alone. */
class UploadStatusTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03"); // a Thursday
    static final Function<String, String> NO_ENV = name -> null;

    @TempDir
    Path dir;
    final Random random = new Random(7);

    Store store(String modeFile) throws Exception {
        if (modeFile != null) {
            Files.writeString(dir.resolve("mode"), modeFile + "\n");
        }
        return Store.at(dir);
    }

    UploadStatus status(String modeFile) throws Exception {
        return UploadStatus.of(store(modeFile), NO_ENV, TODAY);
    }

    Path report(ReportState state) throws Exception {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Report r = new Report(HexFormat.of().formatHex(id), LocalDate.parse("2026-11-23"), List.of(
                new ReportEntry("app", "1", "17", "linux", "amd64", Map.of("crash/crash\njava.lang.Error\na.B.c:+1", 1L))));
        Path folder = Files.createDirectories(dir.resolve("reports").resolve(state.word()));
        return Files.writeString(folder.resolve(r.id() + ".json"), ReportJson.write(r));
    }

    void lastUpload(String line) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("reports")).resolve(LastUpload.FILE), line + "\n");
    }

    @Test
    void in_mode_local_nothing_is_due_and_the_reports_kept_are_still_counted() throws Exception {
        report(ReportState.UPLOADED);
        UploadStatus s = status(null);
        assertEquals(Mode.LOCAL, s.mode());
        assertEquals(new UploadStatus.Next(Optional.empty(), "none: mode is local, nothing is sent"), s.next());
        assertEquals(Map.of(ReportState.PENDING, 0, ReportState.UPLOADED, 1, ReportState.REJECTED, 0,
                ReportState.SKIPPED, 0), s.reports());
        assertEquals(Optional.empty(), s.last());
    }

    @Test
    void during_the_grace_period_the_next_upload_is_the_day_it_ends() throws Exception {
        UploadStatus s = status("on 2026-12-01 https://crashes.example.com");
        assertEquals(Optional.of("https://crashes.example.com"), s.collector());
        assertEquals("mode file", s.collectorSource());
        assertEquals(Optional.of(LocalDate.parse("2026-12-08")), s.next().day());
        assertEquals("the grace period after mode on (2026-12-01) ends", s.next().why());
    }

    @Test
    void the_grace_period_is_the_uploaders_a_shorter_one_for_tests_included_and_a_bad_value_is_said() throws Exception {
        Store store = store("on 2026-12-01 https://crashes.example.com");
        assertEquals(UploadGrace.DAYS, UploadGrace.days(NO_ENV));
        for (int days = 0; days <= UploadGrace.DAYS; days++) {
            Function<String, String> env = Map.of(UploadGrace.ENV, Integer.toString(days))::get;
            LocalDate firstDay = LocalDate.parse("2026-12-01").plusDays(days);
            assertEquals(days, UploadGrace.days(env));
            assertEquals(Optional.of(firstDay.isAfter(TODAY) ? firstDay : TODAY),
                    UploadStatus.of(store, env, TODAY).next().day(), days + " days");
        }
        UploadStatus.Next bad = UploadStatus.of(store, Map.of(UploadGrace.ENV, "8")::get, TODAY).next();
        assertEquals(new UploadStatus.Next(Optional.empty(), "none: " + UploadGrace.ENV
                + " needs a whole number from 0 to 7, not '8' ('crashwatch upload' refuses it)"), bad);
    }

    @Test
    void today_is_the_uploaders_a_day_set_for_tests_included_and_a_bad_value_is_said() throws Exception {
        Store store = store("on 2026-12-01 https://crashes.example.com");
        Function<String, String> set = Map.of(UploadDay.ENV, "2026-12-05")::get;
        assertEquals(LocalDate.parse("2026-12-05"), UploadStatus.today(set));
        assertEquals(Optional.of(LocalDate.parse("2026-12-08")),
                UploadStatus.of(store, set, UploadStatus.today(set)).next().day(), "the grace period's end");
        Function<String, String> setLate = Map.of(UploadDay.ENV, "2026-12-20")::get;
        assertEquals(Optional.of(LocalDate.parse("2026-12-20")),
                UploadStatus.of(store, setLate, UploadStatus.today(setLate)).next().day(), "due on the day set");

        Function<String, String> bad = Map.of(UploadDay.ENV, "next tuesday")::get;
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), UploadStatus.today(bad));
        assertEquals(new UploadStatus.Next(Optional.empty(), "none: " + UploadDay.ENV
                + " is 'next tuesday', not a date: it takes the UTC day to use as today, YYYY-MM-DD (2026-12-03), or"
                + " is unset for today ('crashwatch upload' refuses it)"),
                UploadStatus.of(store, bad, UploadStatus.today(bad)).next());
    }

    @Test
    void without_a_collector_none_is_due_and_the_environment_overrides_the_mode_file() throws Exception {
        assertEquals(Optional.empty(), status("on 2026-11-01").next().day());
        UploadStatus s = UploadStatus.of(store("on 2026-11-01"), Map.of("CRASHWATCH_COLLECTOR", "http://127.0.0.1:8420")::get,
                TODAY);
        assertEquals(Optional.of("http://127.0.0.1:8420"), s.collector());
        assertEquals("CRASHWATCH_COLLECTOR", s.collectorSource());
        assertEquals(Optional.of(TODAY), s.next().day(), "no upload has run yet");
    }

    @Test
    void a_pending_report_is_due_today_or_tomorrow_when_the_watchdog_started_one_today() throws Exception {
        report(ReportState.PENDING);
        lastUpload("2026-12-02T09:00:00Z gave-up gave up for today: connection refused");
        UploadStatus s = status("on 2026-11-01 https://crashes.example.com");
        assertEquals(new UploadStatus.Next(Optional.of(TODAY), "1 pending report waits"), s.next());
        assertEquals(new LastUpload(Instant.parse("2026-12-02T09:00:00Z"), "gave-up",
                "gave up for today: connection refused"), s.last().orElseThrow());

        Files.writeString(dir.resolve("reports").resolve(UploadStatus.STARTED_FILE), TODAY + "\n");
        assertEquals(Optional.of(TODAY.plusDays(1)), status("on 2026-11-01 https://crashes.example.com").next().day());
    }

    @Test
    void after_an_upload_that_sent_everything_the_next_is_due_when_the_next_week_ends() throws Exception {
        report(ReportState.UPLOADED);
        lastUpload("2026-12-02T09:00:00Z done done");
        UploadStatus s = status("on 2026-11-01 https://crashes.example.com");
        assertEquals(new UploadStatus.Next(Optional.of(LocalDate.parse("2026-12-07")),
                "the week of 2026-11-30 ends on 2026-12-07"), s.next());
    }

    @Test
    void files_that_are_not_reports_are_not_counted_and_a_damaged_record_is_no_record() throws Exception {
        Path good = report(ReportState.REJECTED);
        Files.writeString(good.resolveSibling("0123456789abcdef0123456789abcdef.json"), "{\"not\": \"a report\"}");
        Files.writeString(good.resolveSibling(".tmp.json"), Files.readString(good));
        Files.copy(good, good.resolveSibling("misnamed.json"));
        Files.createSymbolicLink(good.resolveSibling("ffffffffffffffffffffffffffffffff.json"), good);
        lastUpload("yesterday it went fine");
        UploadStatus s = status("on 2026-11-01 https://crashes.example.com");
        assertEquals(1, s.reports().get(ReportState.REJECTED));
        assertEquals(Optional.empty(), s.last());
    }
}
