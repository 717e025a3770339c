package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.weekly.Report;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three testers' machines (three stores, real crashes through {@code crashwatch run}), mode on, the grace period
 * shortened, the real collector on loopback: what the collector stores adds up to exactly the crashes the machines
 * counted, each machine's report is listed as uploaded, and a report sent twice is stored once.
 */
class UploadEndToEndIT {
    /** The machines upload as if a week had passed, so the week of their crashes has ended. */
    static final Duration AHEAD = Duration.ofDays(7);

    @TempDir
    Path tmp;

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(AHEAD.toDays()).toString();
    }

    @Test
    void three_machines_upload_exactly_the_crashes_they_counted() throws Exception {
        try (RealCollector collector = new RealCollector(tmp.resolve("collector"), AHEAD, s -> s)) {
            List<Machine> machines = new ArrayList<>();
            String[][] crashes = {{"npe", "npe"}, {"nested"}, {"npe", "nested", "npe"}};
            long counted = 0;
            for (int m = 0; m < crashes.length; m++) {
                Machine machine = new Machine(tmp.resolve("machine" + m));
                for (String kind : crashes[m]) {
                    machine.crash(kind);
                }
                assertEquals(crashes[m].length, machine.crashesCounted(), "each crash counted on machine " + m);
                counted += machine.crashesCounted();
                assertEquals(0, machine.crashwatch("mode", "on", "--collector", collector.url()).status());
                machine.env.put(UploadSettings.GRACE_DAYS_ENV, "0");
                machine.env.put(UploadSettings.TODAY_ENV, today());
                machines.add(machine);
            }
            for (Machine machine : machines) {
                Machine.Result up = machine.crashwatch("upload", "--json");
                assertEquals(0, up.status(), up.err());
                JsonNode run = new ObjectMapper().readTree(up.out());
                assertEquals("done", run.get("status").asText(), up.out());
                assertEquals(1, run.get("reports").size(), up.out());
                assertEquals("uploaded", run.get("reports").get(0).get("state").asText());
            }

            List<Report> stored = collector.stored();
            assertEquals(3, stored.size());
            long storedCrashes = stored.stream().flatMap(r -> r.entries().stream())
                    .flatMap(e -> e.counters().entrySet().stream()).filter(c -> CrashKind.isCrash(c.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertEquals(counted, storedCrashes, "the collector holds exactly the crashes the machines counted");

            // The release engineer's side, on the folder the collector wrote (its _collector/ beside the days): the
            // crashes as the machines counted them, each on the machine-weeks that had it.
            Machine.Result top = machines.get(0).crashwatch("fleet", "top", "--reports", collector.dir.toString(), "--json");
            assertEquals(0, top.status(), top.err());
            assertEquals("", top.err(), "a collector's folder is a reports folder, with reports");
            List<String> rows = new ArrayList<>();
            new ObjectMapper().readTree(top.out()).get("top").forEach(c -> rows.add(c.get("frames").get(0).asText() + " "
                + c.get("machines").asLong() + " " + c.get("count").asLong()));
            assertEquals(List.of("java.lang.NullPointerException 2 4", "java.lang.NumberFormatException 2 2"), rows);

            Set<String> ids = new HashSet<>();
            for (Machine machine : machines) {
                Machine.Result list = machine.crashwatch("reports", "--json");
                JsonNode reports = new ObjectMapper().readTree(list.out());
                assertEquals(1, reports.size(), list.out());
                assertEquals("uploaded", reports.get(0).get("state").asText());
                ids.add(reports.get(0).get("id").asText());
                Machine.Result again = machine.crashwatch("upload");
                assertEquals(0, again.status(), again.err());
                assertEquals("", again.out(), "nothing left to send");
            }
            assertEquals(Set.copyOf(stored.stream().map(Report::id).toList()), ids);

            // The same report sent again (a client that never saw the answer) is stored once.
            Path sent = Path.of(new ObjectMapper().readTree(machines.get(0).crashwatch("reports", "--json").out())
                    .get(0).get("file").asText());
            HttpResponse<String> dup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(collector.url() + "/v1/reports")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(sent)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(2, dup.statusCode() / 100, dup.body());
            assertTrue(dup.body().contains("\"duplicate\":true"), dup.body());
            assertEquals(3, collector.storedFiles().size(), "stored once");
        }
    }
}
