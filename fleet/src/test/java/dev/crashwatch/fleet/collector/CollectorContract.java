package dev.crashwatch.fleet.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.config.UploadConfigJson;
import dev.crashwatch.fleet.storage.ObjectStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector over HTTP on loopback; a folder and S3 (through S3Proxy) run the same tests. */
abstract class CollectorContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONFIG = """
            {"format":"crashwatch-upload-config/v1",
             "programs":[{"name":"app","versions":["2.4.0-rc*","2.3.*"],"sampleRate":1.0}],
             "counterPrefixes":["crash/"],"stackDepth":16}
            """;

    @TempDir
    Path dir;
    ObjectStore objects;
    CollectorServer server;
    Http http;

    abstract ObjectStore open(Path dir) throws Exception;

    void start(double clientRate, double burst) throws Exception {
        objects = open(dir);
        UploadConfig config = UploadConfigJson.read(CONFIG.getBytes(StandardCharsets.UTF_8));
        server = new CollectorServer(CollectorSettings.defaults("127.0.0.1", 0, config)
                .withRates(clientRate, burst, 100_000), new ReportArchive(objects));
        server.start();
        http = new Http(server.port());
    }

    void start() throws Exception {
        start(100_000, 100_000);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            objects.close();
        }
    }

    LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void an_accepted_report_is_stored_under_the_day_it_was_received_and_the_reply_says_so() throws Exception {
        start();
        Report report = Reports.simple(ReportIds.newId(), 4);
        HttpResponse<String> r = http.post(Reports.json(report));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode reply = JSON.readTree(r.body());
        assertEquals(report.id(), reply.get("id").asText());
        assertTrue(reply.get("stored").asBoolean());
        assertFalse(reply.get("duplicate").asBoolean());
        assertEquals(today().toString(), reply.get("received").asText());
        assertEquals(0, reply.get("dropped").size());
        Report stored = ReportJson.read(objects.get(ReportArchive.reportKey(today(), report.id())).orElseThrow());
        assertEquals(report, stored);
        assertTrue(server.metricsText().contains("crashwatch_collector_accepted_total 1\n"));
    }

    @Test
    void the_same_report_sent_twice_plain_or_gzipped_is_stored_once() throws Exception {
        start();
        Report report = Reports.simple(ReportIds.newId(), 2);
        assertEquals(201, http.post(Reports.json(report)).statusCode());
        HttpResponse<String> again = http.postGzip(Reports.json(report));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(JSON.readTree(again.body()).get("duplicate").asBoolean());
        assertEquals(List.of(ReportArchive.reportKey(today(), report.id())), objects.list(ReportArchive.RECEIVED));
        assertTrue(server.metricsText().contains("crashwatch_collector_duplicates_total 1\n"));
    }

    @Test
    void other_content_under_a_stored_id_is_refused_with_409() throws Exception {
        start();
        String id = ReportIds.newId();
        assertEquals(201, http.post(Reports.json(Reports.simple(id, 2))).statusCode());
        HttpResponse<String> other = http.post(Reports.json(Reports.simple(id, 3)));
        assertEquals(409, other.statusCode());
        assertTrue(JSON.readTree(other.body()).get("error").asText().contains("other content"), other.body());
        assertEquals(2L, ReportJson.read(objects.get(ReportArchive.reportKey(today(), id)).orElseThrow())
                .entries().get(0).counters().values().iterator().next());
    }

    @Test
    void another_copy_of_a_stored_report_that_the_config_cuts_down_to_it_is_a_duplicate() throws Exception {
        start();
        Report upload = Reports.simple(ReportIds.newId(), 2);
        assertEquals(201, http.post(Reports.json(upload)).statusCode());
        // The same week's local export: whole, with an entry the config leaves out (docs/upload.md, "What is sent").
        ReportEntry other = new ReportEntry("other", "1.0", "17", "linux-debian-12", "amd64",
                Map.of("crash/crash\njava.lang.Error", 7L));
        Report export = new Report(upload.id(), upload.week(), List.of(upload.entries().get(0), other));
        HttpResponse<String> again = http.post(Reports.json(export));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(JSON.readTree(again.body()).get("duplicate").asBoolean(), again.body());
        assertEquals("other", JSON.readTree(again.body()).get("dropped").get(0).get("program").asText(), again.body());
        assertEquals(List.of(ReportArchive.reportKey(today(), upload.id())), objects.list(ReportArchive.RECEIVED));
        assertEquals(upload, ReportJson.read(objects.get(ReportArchive.reportKey(today(), upload.id())).orElseThrow()));
        assertTrue(server.metricsText().contains("crashwatch_collector_duplicates_total 1\n"));
    }

    @Test
    void what_the_config_does_not_allow_is_dropped_stored_without_and_named_in_the_reply() throws Exception {
        start();
        String keep = "crash/crash\njava.lang.Error\napp.Main.main:+1";
        Report report = new Report(ReportIds.newId(), Reports.lastWeek(), List.of(
                new ReportEntry("app", "2.4.0-rc2", "17", "linux-debian-12", "amd64", Map.of(keep, 2L)),
                new ReportEntry("app", "2.4.0", "17", "linux-debian-12", "amd64", Map.of(keep, 5L)),
                new ReportEntry("other", "1.0", "17", "linux-debian-12", "amd64", Map.of(keep, 7L))));
        HttpResponse<String> r = http.post(Reports.json(report));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode dropped = JSON.readTree(r.body()).get("dropped");
        assertEquals(2, dropped.size(), r.body());
        assertEquals("version not in the config", dropped.get(0).get("reason").asText());
        assertEquals("other", dropped.get(1).get("program").asText());
        Report stored = ReportJson.read(objects.get(ReportArchive.reportKey(today(), report.id())).orElseThrow());
        assertEquals(List.of(report.entries().get(0)), stored.entries());
    }

    @Test
    void bad_requests_get_a_4xx_with_a_one_line_reason_and_nothing_is_stored() throws Exception {
        start();
        String id = ReportIds.newId();
        String good = ReportJson.write(Reports.simple(id, 1));
        Map<String, Integer> bodies = new java.util.LinkedHashMap<>();
        bodies.put("not json {", 400);
        bodies.put("{}", 400);
        bodies.put(good.replace("\"entries\"", "\"secret\" : 1, \"entries\""), 400);
        bodies.put(good.replace(Reports.lastWeek().toString(), Reports.lastWeek().plusDays(1).toString()), 400);
        bodies.put(good.replace(Reports.lastWeek().toString(), Reports.lastWeek().minusWeeks(8).toString()), 400);
        bodies.put(good.replace(" : 1\n", " : -1\n"), 400);
        bodies.put(good.replace(" : 1\n", " : 99999999999\n"), 400);
        bodies.put(good.replace(" : 1\n", " : \"1\"\n"), 400);
        bodies.put(good.replace("app.Main.main:+2", "order 4711 for alice@example.com"), 400);
        bodies.put(good.replace("\"program\" : \"app\"", "\"program\" : \"my secret app\""), 400);
        for (Map.Entry<String, Integer> b : bodies.entrySet()) {
            HttpResponse<String> r = http.post(b.getKey().getBytes(StandardCharsets.UTF_8));
            assertEquals(b.getValue(), r.statusCode(), b.getKey() + " -> " + r.body());
            String reason = JSON.readTree(r.body()).get("error").asText();
            assertFalse(reason.isBlank() || reason.contains("\n") || reason.contains("alice"), reason);
        }
        byte[] bomb = Http.gzip(new byte[50 * 1024 * 1024]);
        assertEquals(413, http.post(bomb, "gzip").statusCode());
        assertEquals(413, http.post(("\"" + "x".repeat(300 * 1024) + "\"").getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, http.post(good.getBytes(StandardCharsets.UTF_8), "gzip").statusCode());
        assertEquals(415, http.post(good.getBytes(StandardCharsets.UTF_8), "br").statusCode());
        assertEquals(415, http.send(HttpRequest.newBuilder().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(good)), "/v1/reports").statusCode());
        assertEquals(405, http.get("/v1/reports").statusCode());
        assertEquals(404, http.get("/v2/reports").statusCode());
        assertEquals(List.of(), objects.list(ReportArchive.RECEIVED));
        assertEquals(200, http.get("/healthz").statusCode());
        assertTrue(server.metricsText().contains("crashwatch_collector_rejected_total{reason=\"not_crash_name\"} 1\n"));
    }

    @Test
    void a_field_named_twice_or_a_second_value_after_the_report_is_refused_plain_or_gzipped() throws Exception {
        start();
        String good = ReportJson.write(Reports.simple(ReportIds.newId(), 1));
        String twice = "a field named twice in one object";
        String after = "more after the report's JSON value: a file or body holds one report";
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        // The copy comes first: a reader where the last copy wins would see a good report.
        bodies.put(good.replace("\"id\" : \"", "\"id\" : \"" + ReportIds.newId() + "\", \"id\" : \""), twice + " ('id')");
        bodies.put(good.replace("\"week\" : \"", "\"week\" : \"2020-01-06\", \"week\" : \""), twice + " ('week')");
        bodies.put(good.replace("\"program\" : \"", "\"program\" : \"other\", \"program\" : \""), twice + " ('program')");
        bodies.put(good.replace("\"counters\" : {", "\"counters\" : { \"crash/crash\\njava.lang.IllegalStateException"
                + "\\napp.Main.main:+2\" : 9999,"), twice
                + " (a counter name or an unknown field, not quoted)");
        bodies.put(good + good, after);
        bodies.put(good.strip() + "{}", after);
        bodies.put(good + "[1]", after);
        for (Map.Entry<String, String> b : bodies.entrySet()) {
            byte[] body = b.getKey().getBytes(StandardCharsets.UTF_8);
            for (HttpResponse<String> r : List.of(http.post(body), http.post(Http.gzip(body), "gzip"))) {
                assertEquals(400, r.statusCode(), b.getKey() + " -> " + r.body());
                assertEquals("invalid report: " + b.getValue(), JSON.readTree(r.body()).get("error").asText());
            }
        }
        assertEquals(List.of(), objects.list(ReportArchive.RECEIVED));
        assertTrue(server.metricsText().contains("crashwatch_collector_rejected_total{reason=\"invalid\"} "
                + 2 * bodies.size() + "\n"), server.metricsText());
        assertEquals(201, http.post(good.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    /** A client's clock ahead of the collector's: not the report's fault, so 425 Too Early, not a 400 for good. */
    @Test
    void a_week_that_has_not_ended_is_too_early_with_retry_after_until_it_is_taken() throws Exception {
        start();
        String id = ReportIds.newId();
        LocalDate thisWeek = Reports.lastWeek().plusWeeks(1);
        String early = ReportJson.write(Reports.simple(id, 1))
                .replace(Reports.lastWeek().toString(), thisWeek.toString());
        HttpResponse<String> r = http.post(early.getBytes(StandardCharsets.UTF_8));
        assertEquals(425, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("has not ended yet"), r.body());
        long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        long untilTaken = java.time.Duration.between(java.time.Instant.now(),
                thisWeek.plusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        assertTrue(Math.abs(wait - untilTaken) <= 60, "Retry-After " + wait + ", expected about " + untilTaken);
        assertFalse(objects.exists(ReportArchive.reportKey(today(), id)));
        assertTrue(server.metricsText().contains("crashwatch_collector_rejected_total{reason=\"too_early\"} 1\n"));
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after() throws Exception {
        start(0.5, 2);
        assertEquals(201, http.post(Reports.json(Reports.simple(ReportIds.newId(), 1))).statusCode());
        assertEquals(201, http.post(Reports.json(Reports.simple(ReportIds.newId(), 1))).statusCode());
        String id = ReportIds.newId();
        HttpResponse<String> r = http.post(Reports.json(Reports.simple(id, 1)));
        assertEquals(429, r.statusCode());
        long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 2, "Retry-After " + wait);
        assertFalse(objects.exists(ReportArchive.reportKey(today(), id)));
        assertTrue(server.metricsText().contains("crashwatch_collector_throttled_total 1\n"));
    }

    @Test
    void the_config_health_and_metrics_endpoints_answer() throws Exception {
        start();
        HttpResponse<String> config = http.get("/v1/config");
        assertEquals(200, config.statusCode());
        assertEquals(UploadConfigJson.read(CONFIG.getBytes(StandardCharsets.UTF_8)),
                UploadConfigJson.read(config.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, http.get("/healthz").statusCode());
        HttpResponse<String> metrics = http.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(metrics.body().contains("# TYPE crashwatch_collector_accepted_total counter"));
    }
}
