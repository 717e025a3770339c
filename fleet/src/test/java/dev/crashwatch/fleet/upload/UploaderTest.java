package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.config.UploadConfigJson;
import dev.crashwatch.watchdog.uploads.LastUpload;
import dev.crashwatch.watchdog.uploads.ReportState;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload client against a real store and a scripted collector on loopback: what is sent, when, what is kept
 * in which state, and how it retries. Today is Thursday 2026-12-03 throughout: the current week began 2026-11-30.
 */
class UploaderTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    static final LocalDate CONSENT = LocalDate.parse("2026-11-01");
    static final LocalDate CURRENT = LocalDate.parse("2026-11-30");
    static final LocalDate LAST = LocalDate.parse("2026-11-23");
    static final LocalDate EARLIER = LocalDate.parse("2026-11-16");
    static final LocalDate OLDEST_SENT = LocalDate.parse("2026-11-09");
    static final LocalDate TOO_OLD = LocalDate.parse("2026-11-02");

    @TempDir
    Path tmp;

    /** The URL of a loopback port nothing listens on: a collector that is down. */
    static String closedCollector() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        }
    }

    UploadStore store() throws Exception {
        return new UploadStore(tmp.resolve("store"), CONSENT);
    }

    @Test
    void each_ended_week_of_the_last_21_days_is_sent_once_exactly_as_kept() throws Exception {
        UploadStore s = store().crashes(TOO_OLD, 1).crashes(OLDEST_SENT, 4).crashes(EARLIER, 3).crashes(LAST, 2)
                .crashes(CURRENT, 5);
        try (ScriptedCollector c = new ScriptedCollector()) {
            UploadResult r = s.upload(c.url(), TODAY);
            assertEquals("done", r.status(), r.message());
            List<StoredReport> uploaded = s.in(ReportState.UPLOADED);
            assertEquals(List.of(OLDEST_SENT, EARLIER, LAST), uploaded.stream().map(u -> u.report().week()).toList());
            assertEquals(List.of(4L, 3L, 2L), uploaded.stream().map(StoredReport::crashes).toList());
            assertEquals(3, c.received().size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(Files.readAllBytes(uploaded.get(i).file()), c.received().get(i).body(),
                        "the kept file is byte for byte what went on the wire");
            }
            assertEquals("done", s.upload(c.url(), TODAY).status());
            assertEquals(3, c.received().size(), "a week already uploaded is not uploaded again");
            assertTrue(s.in(ReportState.PENDING).isEmpty());
        }
    }

    @Test
    void the_grace_period_and_the_consent_day_keep_everything_local() throws Exception {
        UploadStore s = new UploadStore(tmp.resolve("store"), LocalDate.parse("2026-11-29")).crashes(EARLIER, 1)
                .crashes(LAST, 1).crashes(CURRENT, 1);
        try (ScriptedCollector c = new ScriptedCollector()) {
            UploadResult grace = s.upload(c.url(), TODAY, 7);
            assertEquals("grace", grace.status());
            assertTrue(grace.message().contains("2026-12-06"), grace.message());
            assertFalse(Files.exists(s.shelf().root()), "nothing is made during the grace period");

            UploadResult after = s.upload(c.url(), LocalDate.parse("2026-12-06"), 7);
            assertEquals("done", after.status());
            assertEquals(List.of(LAST), s.in(ReportState.UPLOADED).stream().map(u -> u.report().week()).toList(),
                    "the week that ended before consent stays local, the current one is not over");
        }
    }

    @Test
    void mode_local_sends_nothing() throws Exception {
        UploadStore s = store().crashes(LAST, 1);
        Files.writeString(s.dir.resolve("mode"), "local 2026-11-01\n");
        try (ScriptedCollector c = new ScriptedCollector()) {
            assertEquals("not-on", s.upload(c.url(), TODAY).status());
            assertTrue(c.received().isEmpty());
        }
    }

    @Test
    void collector_down_keeps_the_report_pending_with_its_id_and_sends_it_later() throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        String closed = closedCollector();
        Files.createDirectories(s.shelf().root());
        try (ScriptedCollector c = new ScriptedCollector()) {
            // A config fetched once is kept and used while the collector is down.
            Files.writeString(s.shelf().root().resolve(ConfigSource.FILE), ScriptedCollector.ALLOW_ALL);
            UploadResult down = s.upload(closed, TODAY);
            assertEquals("gave-up", down.status(), down.message());
            assertEquals(1, down.exitStatus());
            List<StoredReport> pending = s.in(ReportState.PENDING);
            assertEquals(1, pending.size());
            String id = pending.get(0).id();

            assertEquals("gave-up", s.upload(closed, TODAY).status());
            assertEquals(id, s.in(ReportState.PENDING).get(0).id(), "a retry keeps the report and its ID");
            LastUpload gaveUp = LastUpload.read(s.shelf().root()).orElseThrow();
            assertEquals("gave-up", gaveUp.status(), "crashwatch status shows how the last run ended");
            assertTrue(gaveUp.message().startsWith("gave up for today: "), gaveUp.message());

            assertEquals("done", s.upload(c.url(), TODAY).status());
            assertEquals(1, c.received().size());
            assertEquals(id, ReportJson.read(c.received().get(0).body()).id());
            assertEquals(id, s.in(ReportState.UPLOADED).get(0).id());
            assertEquals("done", LastUpload.read(s.shelf().root()).orElseThrow().status());
        }
    }

    @Test
    void without_a_config_ever_fetched_nothing_is_made_and_the_run_gives_up_for_the_day() throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        String closed = closedCollector();
        UploadResult r = s.upload(closed, TODAY);
        assertEquals("gave-up", r.status());
        assertTrue(r.message().contains("could not fetch the upload config (collector unreachable"), r.message());
        assertTrue(s.shelf().all().isEmpty(), "nothing made without a config");
    }

    @Test
    void a_pending_report_whose_week_grew_too_old_is_skipped_not_sent() throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        try (ScriptedCollector c = new ScriptedCollector().then(503, "86400", "storage full")) {
            assertEquals("gave-up", s.upload(c.url(), TODAY).status());
            s.upload(c.url(), LAST.plusDays(7 + 22));
            assertEquals(1, c.received().size());
            StoredReport skipped = s.in(ReportState.SKIPPED).get(0);
            assertEquals(Optional.of("not sent: the week ended more than 21 days ago"), skipped.reason());
        }
    }

    @Test
    void a_503_and_a_429_are_retried_no_sooner_than_retry_after() throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        try (ScriptedCollector c = new ScriptedCollector().then(503, "1", "storage unavailable")
                .then(429, "1", "slow down")) {
            UploadResult r = s.upload(c.url(), TODAY);
            assertEquals("done", r.status(), r.message());
            List<ScriptedCollector.Received> got = c.received();
            assertEquals(3, got.size());
            for (int i = 1; i < 3; i++) {
                assertTrue(got.get(i).nanoTime() - got.get(i - 1).nanoTime() >= Duration.ofSeconds(1).toNanos(),
                        "waited for Retry-After before try " + (i + 1));
                assertArrayEquals(got.get(0).body(), got.get(i).body(), "a retry sends the same bytes");
            }
            assertEquals(1, s.in(ReportState.UPLOADED).size());
        }
    }

    @Test
    void a_long_retry_after_gives_up_for_the_day_at_once() throws Exception {
        UploadStore s = store().crashes(EARLIER, 1).crashes(LAST, 2);
        try (ScriptedCollector c = new ScriptedCollector().then(503, "86400", "storage full")) {
            UploadResult r = s.upload(c.url(), TODAY);
            assertEquals("gave-up", r.status());
            assertTrue(r.message().contains("HTTP 503: storage full"), r.message());
            assertEquals(1, c.received().size(), "no second try, and the other report is not tried today");
            assertEquals(2, s.in(ReportState.PENDING).size());
        }
    }

    @Test
    void a_4xx_is_kept_under_rejected_with_the_reason_and_never_sent_again() throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        try (ScriptedCollector c = new ScriptedCollector().then(400, null, "{\"error\":\"week 2026-11-23 is too old\"}\n")) {
            UploadResult r = s.upload(c.url(), TODAY);
            assertEquals("done", r.status());
            List<StoredReport> rejected = s.in(ReportState.REJECTED);
            assertEquals(1, rejected.size());
            assertEquals(Optional.of("HTTP 400: week 2026-11-23 is too old"), rejected.get(0).reason());
            assertEquals("HTTP 400: week 2026-11-23 is too old\n",
                    Files.readString(rejected.get(0).file().resolveSibling(rejected.get(0).id() + ".reason")));
            s.upload(c.url(), TODAY);
            assertEquals(1, c.received().size());
        }
    }

    /** A 404 or 403 says the URL takes no reports (a moved collector, a proxy): the report is kept for later. */
    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 405, 410})
    void a_4xx_about_the_url_not_the_report_keeps_it_pending_and_gives_up_for_the_day(int status) throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        try (ScriptedCollector c = new ScriptedCollector().then(status, null, "<html>no such page</html>\n")) {
            UploadResult r = s.upload(c.url(), TODAY);
            assertEquals("gave-up", r.status(), r.message());
            assertEquals(1, s.in(ReportState.PENDING).size());
            assertEquals(List.of(), s.in(ReportState.REJECTED));
            assertEquals("done", s.upload(c.url(), TODAY).status(), "sent once the URL takes reports again");
            assertEquals(1, s.in(ReportState.UPLOADED).size());
            assertEquals(2, c.received().size());
        }
    }

    /** A web server at a wrong URL that answers every request with 200 has not stored the report: it stays pending. */
    @Test
    void a_2xx_that_is_no_acknowledgement_of_the_report_keeps_it_pending() throws Exception {
        UploadStore s = store().crashes(LAST, 2);
        try (ScriptedCollector c = new ScriptedCollector().then(200, null, "<html>Welcome to nginx!</html>\n")) {
            UploadResult r = s.upload(c.url(), TODAY);
            assertEquals("gave-up", r.status(), r.message());
            assertEquals(1, s.in(ReportState.PENDING).size());
            assertTrue(r.message().contains("no collector's acknowledgement"), r.message());
            assertEquals("done", s.upload(c.url(), TODAY).status());
            assertEquals(1, s.in(ReportState.UPLOADED).size());
        }
    }

    @Test
    void a_name_that_fails_the_privacy_grammar_stays_on_the_machine_and_is_counted() throws Exception {
        String leak = "crash/crash\njava.lang.IllegalStateException\n/home/alice/orders/4711.csv";
        UploadStore s = store().counters(UploadStore.key("app", "2.4.0-rc1", LAST), Map.of(UploadStore.CRASH, 2L, leak, 1L));
        try (ScriptedCollector c = new ScriptedCollector()) {
            assertEquals("done", s.upload(c.url(), TODAY).status());
            String sent = c.received().get(0).text();
            assertFalse(sent.contains("alice"), sent);
            assertTrue(sent.contains("app.Main.main:+2"), sent);
            assertEquals("1\n", Files.readString(s.shelf().root().resolve(Uploader.REFUSED_NAMES)));
        }
    }

    @Test
    void only_what_the_config_allows_leaves_and_a_week_with_nothing_allowed_is_skipped_once() throws Exception {
        UploadStore s = store()
                .counters(UploadStore.key("app", "2.4.0-rc1", LAST), Map.of(UploadStore.CRASH, 2L, "crash/malformed", 1L))
                .counters(UploadStore.key("app", "2.3.0", LAST), Map.of(UploadStore.CRASH, 5L))
                .counters(UploadStore.key("other", "1.0", EARLIER), Map.of(UploadStore.CRASH, 7L));
        try (ScriptedCollector c = new ScriptedCollector()) {
            c.config("""
                    {"format":"crashwatch-upload-config/v1","programs":[{"name":"app","versions":["2.4.0-rc*"],
                     "sampleRate":1.0}],"counterPrefixes":["crash/crash"],"stackDepth":16}""");
            assertEquals("done", s.upload(c.url(), TODAY).status());
            assertEquals(1, c.received().size());
            var sent = ReportJson.read(c.received().get(0).body());
            assertEquals(1, sent.entries().size());
            assertEquals("2.4.0-rc1", sent.entries().get(0).version());
            assertEquals(Map.of(UploadStore.CRASH, 2L), sent.entries().get(0).counters());
            List<StoredReport> skipped = s.in(ReportState.SKIPPED);
            assertEquals(List.of(EARLIER), skipped.stream().map(k -> k.report().week()).toList());
            assertTrue(skipped.get(0).reason().orElseThrow().contains("upload config allows"), skipped.get(0).reason().toString());
            assertTrue(Files.exists(s.shelf().root().resolve(ConfigSource.FILE)), "the config is kept in the store");
            s.upload(c.url(), TODAY);
            assertEquals(1, c.received().size());
            assertEquals(1, s.in(ReportState.SKIPPED).size(), "a skipped week is decided once");
        }
    }

    @Test
    void sampling_is_decided_once_from_the_report_id_and_a_retry_never_re_rolls_it() throws Exception {
        String half = """
                {"format":"crashwatch-upload-config/v1","programs":[{"name":"app","versions":["*"],"sampleRate":0.5}],
                 "counterPrefixes":["crash/"],"stackDepth":16}""";
        UploadConfig config = UploadConfigJson.read(half.getBytes());
        String closed = closedCollector();
        try (ScriptedCollector c = new ScriptedCollector()) {
            c.config(half);
            for (int i = 0; i < 12; i++) {
                UploadStore s = new UploadStore(tmp.resolve("store" + i), CONSENT).crashes(LAST, 1);
                Files.createDirectories(s.shelf().root());
                Files.writeString(s.shelf().root().resolve(ConfigSource.FILE), half);
                s.upload(closed, TODAY);
                StoredReport made = s.shelf().all().get(0);
                boolean in = config.sampled("app", made.id());
                assertEquals(in ? ReportState.PENDING : ReportState.SKIPPED, made.state(), made.id());
                for (int retry = 0; retry < 2; retry++) {
                    s.upload(c.url(), TODAY);
                    List<StoredReport> all = s.shelf().all();
                    assertEquals(1, all.size(), "no second report for the week");
                    assertEquals(made.id(), all.get(0).id());
                    assertEquals(in ? ReportState.UPLOADED : ReportState.SKIPPED, all.get(0).state());
                }
            }
        }
    }

    @Test
    void two_uploads_never_run_at_once_and_files_are_private() throws Exception {
        UploadStore s = store().crashes(LAST, 1);
        try (ScriptedCollector c = new ScriptedCollector();
             UploadLock held = UploadLock.tryTake(s.shelf().root()).orElseThrow()) {
            assertEquals("busy", s.upload(c.url(), TODAY).status());
            assertTrue(c.received().isEmpty());
        }
        try (ScriptedCollector c = new ScriptedCollector()) {
            s.upload(c.url(), TODAY);
            StoredReport r = s.in(ReportState.UPLOADED).get(0);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.file())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.file().getParent())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.shelf().root())));
        }
    }

    @Test
    void a_symbolic_link_in_place_of_a_reports_folder_is_not_followed() throws Exception {
        UploadStore s = store().crashes(LAST, 1);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(s.shelf().root());
        Files.createSymbolicLink(s.shelf().root().resolve("pending"), elsewhere);
        try (ScriptedCollector c = new ScriptedCollector()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> s.upload(c.url(), TODAY));
            try (var files = Files.list(elsewhere)) {
                assertEquals(0, files.count(), "nothing written through the link");
            }
        }
    }
}
