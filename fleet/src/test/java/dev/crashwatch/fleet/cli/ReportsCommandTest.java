package dev.crashwatch.fleet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.fleet.upload.ScriptedCollector;
import dev.crashwatch.fleet.upload.UploadStore;
import dev.crashwatch.watchdog.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    record Run(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void register() {
        FleetMain.registerAll();
    }

    Run run(Path store, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("crashwatch.dir", store.toString());
        try {
            int status = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("crashwatch.dir");
        }
    }

    @Test
    void reports_lists_each_report_with_its_state_and_show_prints_the_bytes_sent() throws Exception {
        UploadStore s = new UploadStore(tmp.resolve("store"), LocalDate.parse("2026-11-01"))
                .crashes(LocalDate.parse("2026-11-16"), 3).crashes(LocalDate.parse("2026-11-23"), 2);
        try (ScriptedCollector c = new ScriptedCollector().then(400, null, "{\"error\":\"too many crashes\"}")) {
            s.upload(c.url(), TODAY);
        }
        Run list = run(s.dir, "reports");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.text().matches("(?s)WEEK .*2026-11-16  [0-9a-f]{32}  rejected +1 +3  HTTP 400: too many crashes\n"
                + "2026-11-23  [0-9a-f]{32}  uploaded +1 +2  HTTP 202.*\n2 reports: rejected 1, uploaded 1\n"), list.text());

        JsonNode json = new ObjectMapper().readTree(run(s.dir, "reports", "--json").out());
        assertEquals(2, json.size());
        assertEquals("uploaded", json.get(1).get("state").asText());
        String id = json.get(1).get("id").asText();
        Run show = run(s.dir, "reports", "show", id.substring(0, 8));
        assertEquals(0, show.status(), show.err());
        assertArrayEquals(Files.readAllBytes(Path.of(json.get(1).get("file").asText())), show.out());
        assertTrue(show.err().contains("uploaded"), show.err());

        assertEquals(1, run(s.dir, "reports", "show", "ffffffffffff").status());
        assertEquals(2, run(s.dir, "reports", "shw", id).status());
    }

    @Test
    void upload_in_mode_local_sends_nothing_and_says_why() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Run r = run(store, "upload");
        assertEquals(0, r.status());
        assertTrue(r.err().contains("mode is local: nothing is sent"), r.err());
        assertEquals("not-on", new ObjectMapper().readTree(run(store, "upload", "--json").out()).get("status").asText());
        assertTrue(run(store, "reports").text().startsWith("no reports"));
    }
}
