package dev.crashwatch.fleet.upload;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's failure paths as a user meets them: {@code crashwatch upload} processes against the real collector on
 * loopback when it is down, when its storage fails (503), when it throttles (429) and when it refuses a report (4xx).
 */
class UploadFailuresIT {
    static final Duration AHEAD = UploadEndToEndIT.AHEAD;

    @TempDir
    Path tmp;

    /** A machine with one real crash, in mode on, uploading a week ahead with no grace period. */
    Machine machine(String collectorUrl) throws Exception {
        Machine m = new Machine(tmp.resolve("machine"));
        m.crash("npe");
        assertEquals(0, m.crashwatch("mode", "on").status());
        m.env.put("CRASHWATCH_COLLECTOR", collectorUrl);
        m.env.put(UploadSettings.GRACE_DAYS_ENV, "0");
        m.env.put(UploadSettings.TODAY_ENV, UploadEndToEndIT.today());
        m.env.put(UploadSettings.FIRST_PAUSE_ENV, "20");
        return m;
    }

    static JsonNode reports(Machine m) throws Exception {
        return new ObjectMapper().readTree(m.crashwatch("reports", "--json").out());
    }

    @Test
    void collector_down_keeps_the_report_pending_with_its_id_and_a_later_upload_sends_it() throws Exception {
        String id;
        // A collector that serves the config, then throttles for an hour: the report is made and kept pending.
        try (RealCollector first = new RealCollector(tmp.resolve("first"), AHEAD, s -> s.withRates(1.0 / 3600, 1, 1000))) {
            Machine m = machine(first.url());
            Machine.Result throttled = m.crashwatch("upload");
            assertEquals(1, throttled.status(), throttled.err());
            assertTrue(throttled.err().contains("gave up for today"), throttled.err());
            assertEquals(1, first.metric("throttled"), "a Retry-After of an hour is not waited for, nor retried");
            JsonNode pending = reports(m).get(0);
            assertEquals("pending", pending.get("state").asText());
            id = pending.get("id").asText();
            first.close();

            Machine.Result down = m.crashwatch("upload");
            assertEquals(1, down.status(), down.err());
            assertTrue(down.out().contains("pending  not sent: collector unreachable"), down.out());
            assertEquals(id, reports(m).get(0).get("id").asText(), "a retry keeps the report and its ID");
            assertEquals("pending", reports(m).get(0).get("state").asText());

            try (RealCollector back = new RealCollector(tmp.resolve("back"), AHEAD, s -> s)) {
                m.env.put("CRASHWATCH_COLLECTOR", back.url());
                Machine.Result sent = m.crashwatch("upload");
                assertEquals(0, sent.status(), sent.err());
                assertEquals("uploaded", reports(m).get(0).get("state").asText());
                assertEquals(id, back.stored().get(0).id());
                assertEquals(1, reports(m).size());
            }
        }
    }

    /** A machine's clock ahead of the collector's: its week is too early there (425), not refused; it stays pending. */
    @Test
    void a_week_the_collector_has_not_seen_end_is_kept_pending_and_sent_once_it_has() throws Exception {
        try (RealCollector behind = new RealCollector(tmp.resolve("behind"), Duration.ZERO, s -> s)) {
            Machine m = machine(behind.url());
            Machine.Result early = m.crashwatch("upload");
            assertEquals(1, early.status(), early.err());
            JsonNode pending = reports(m).get(0);
            assertEquals("pending", pending.get("state").asText(), pending.toString());
            assertTrue(early.out().contains("HTTP 425: week ") && early.out().contains("retry after"),
                    "one try: its Retry-After (until the week ends by the collector's clock) is not waited for: "
                            + early.out());
            assertEquals(0, behind.stored().size());
            try (RealCollector ahead = new RealCollector(tmp.resolve("ahead"), AHEAD, s -> s)) {
                m.env.put("CRASHWATCH_COLLECTOR", ahead.url());
                Machine.Result sent = m.crashwatch("upload");
                assertEquals(0, sent.status(), sent.err());
                assertEquals("uploaded", reports(m).get(0).get("state").asText());
                assertEquals(pending.get("id").asText(), ahead.stored().get(0).id());
            }
        }
    }

    @Test
    void a_503_from_failed_storage_is_retried_after_its_retry_after_and_then_stored() throws Exception {
        try (RealCollector collector = new RealCollector(tmp.resolve("collector"), AHEAD, s -> s)) {
            Machine m = machine(collector.url());
            // Break the storage: its temporary folder becomes a file, so no report can be written.
            Path temp = collector.dir.resolve("_collector/tmp");
            Files.delete(temp);
            Files.writeString(temp, "not a folder");
            Process upload = m.start("upload");
            await().atMost(Duration.ofSeconds(60)).until(() -> collector.metric("storage_errors") >= 1);
            Files.delete(temp);
            Files.createDirectory(temp);
            assertTrue(upload.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "upload ended");
            assertEquals(0, upload.exitValue(), m.result(upload, "upload").err());
            assertEquals(1, collector.metric("storage_errors"), "waited for Retry-After (30 s) before trying again");
            assertEquals("uploaded", reports(m).get(0).get("state").asText());
            assertEquals(1, collector.stored().size());
        }
    }

    @Test
    void a_429_is_retried_after_its_retry_after() throws Exception {
        // One request per 2 s per client, no burst: the config fetch takes it, the report is throttled once.
        try (RealCollector collector = new RealCollector(tmp.resolve("collector"), AHEAD, s -> s.withRates(0.5, 1, 1000))) {
            Machine m = machine(collector.url());
            Machine.Result up = m.crashwatch("upload");
            assertEquals(0, up.status(), up.err());
            assertTrue(collector.metric("throttled") >= 1, "the collector throttled the client");
            assertEquals("uploaded", reports(m).get(0).get("state").asText());
            assertEquals(1, collector.stored().size());
        }
    }

    @Test
    void a_4xx_keeps_the_report_under_rejected_with_the_collectors_reason() throws Exception {
        // A collector a month ahead that takes weeks of the last day only: this week is too old for it.
        try (RealCollector collector = new RealCollector(tmp.resolve("collector"), Duration.ofDays(30),
                s -> s.withOldestWeekDays(1))) {
            Machine m = machine(collector.url());
            Machine.Result up = m.crashwatch("upload", "--json");
            assertEquals(0, up.status(), up.err());
            JsonNode listed = reports(m).get(0);
            assertEquals("rejected", listed.get("state").asText());
            assertTrue(listed.get("reason").asText().matches("HTTP 400: week .* ended more than 1 days ago"),
                    listed.get("reason").asText());
            Path file = Path.of(listed.get("file").asText());
            assertEquals(listed.get("reason").asText() + "\n",
                    Files.readString(file.resolveSibling(listed.get("id").asText() + ".reason")));
            assertTrue(collector.stored().isEmpty());
            assertEquals("", m.crashwatch("upload").out(), "a rejected report is not sent again");
        }
    }
}
