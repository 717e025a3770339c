package dev.crashwatch.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.fleet.upload.ScriptedCollector;
import dev.crashwatch.fleet.upload.UploadStore;
import dev.crashwatch.watchdog.cli.CliInStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crashwatch reports} and {@code upload} in-process against a real store (property {@code crashwatch.dir}). */
class ReportsCommandTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    @TempDir
    Path tmp;

    @BeforeAll
    static void register() {
        FleetMain.registerAll();
    }

    static CliInStore.Result run(Path store, String... args) {
        return new CliInStore(store).run(args);
    }

    @Test
    void reports_lists_each_report_with_its_state_and_show_prints_the_bytes_sent() throws Exception {
        UploadStore s = new UploadStore(tmp.resolve("store"), LocalDate.parse("2026-11-01"))
                .crashes(LocalDate.parse("2026-11-16"), 3).crashes(LocalDate.parse("2026-11-23"), 2);
        try (ScriptedCollector c = new ScriptedCollector().then(400, null, "{\"error\":\"too many crashes\"}")) {
            s.upload(c.url(), TODAY);
        }
        CliInStore.Result list = run(s.dir, "reports");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().matches("(?s)WEEK .*2026-11-16  [0-9a-f]{32}  rejected +1 +3  HTTP 400: too many crashes\n"
                + "2026-11-23  [0-9a-f]{32}  uploaded +1 +2  HTTP 202.*\n2 reports: rejected 1, uploaded 1\n"), list.out());

        JsonNode json = new ObjectMapper().readTree(run(s.dir, "reports", "--json").out());
        assertEquals(2, json.size());
        assertEquals("uploaded", json.get(1).get("state").asText());
        String id = json.get(1).get("id").asText();
        CliInStore.Result show = run(s.dir, "reports", "show", id.substring(0, 8));
        assertEquals(0, show.status(), show.err());
        assertArrayEquals(Files.readAllBytes(Path.of(json.get(1).get("file").asText())),
                show.out().getBytes(StandardCharsets.UTF_8));
        assertTrue(show.err().contains("uploaded"), show.err());

        assertEquals(1, run(s.dir, "reports", "show", "ffffffffffff").status());
        assertEquals(2, run(s.dir, "reports", "shw", id).status());
    }

    @Test
    void upload_in_mode_local_sends_nothing_and_says_why() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        CliInStore.Result r = run(store, "upload");
        assertEquals(0, r.status());
        assertTrue(r.err().contains("mode is local: nothing is sent"), r.err());
        assertEquals("not-on", new ObjectMapper().readTree(run(store, "upload", "--json").out()).get("status").asText());
        assertTrue(run(store, "reports").out().startsWith("no reports"));
    }
}
