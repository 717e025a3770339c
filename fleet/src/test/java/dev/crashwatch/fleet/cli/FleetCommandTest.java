package dev.crashwatch.fleet.cli;

import static dev.crashwatch.fleet.query.TestFleet.A_ID;
import static dev.crashwatch.fleet.query.TestFleet.N_ID;
import static dev.crashwatch.fleet.query.TestFleet.O_ID;
import static dev.crashwatch.fleet.query.TestFleet.R_ID;
import static dev.crashwatch.fleet.query.TestFleet.T_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.fleet.query.BadFiles;
import dev.crashwatch.fleet.query.TestFleet;
import dev.crashwatch.watchdog.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crashwatch fleet ...} in-process on {@link TestFleet} (with bad files, compacted, then one late report
 * read raw): each command's {@code --json} answer, exit statuses, the one-line note, the triage file.
 */
class FleetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void register() {
        FleetMain.registerAll();
    }

    @BeforeEach
    void fleet() throws Exception {
        TestFleet.write(root);
        BadFiles.plant(root);
        assertEquals(0, fleet("compact").status());
        TestFleet.write(root, TestFleet.late());
    }

    Run fleet(String... args) {
        List<String> all = new ArrayList<>(List.of("fleet"));
        all.addAll(List.of(args));
        all.add("--reports=" + root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> fields(JsonNode list, String... names) {
        List<String> rows = new ArrayList<>();
        for (JsonNode n : list) {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                values.add(n.path(name).asText());
            }
            rows.add(String.join(" ", values));
        }
        return rows;
    }

    @Test
    void top_json_has_the_late_report_and_lists_the_skipped_files() throws Exception {
        Run run = fleet("top", "--json");
        assertEquals(0, run.status());
        assertEquals(List.of(A_ID + " 7 11 2026-10-05 2.3.0", N_ID + " 4 7 2026-10-19 2.4.0-rc2",
            R_ID + " 3 6 2026-10-05 2.3.0", O_ID + " 3 4 2026-10-05 2.3.0", T_ID + " 1 1 2026-10-26 1.0"),
            fields(run.json().get("top"), "stackId", "machines", "count", "firstWeek", "firstVersion"));
        assertEquals(BadFiles.EXPECTED.size(), run.json().get("skippedFiles").size());
        assertEquals(1, run.err().lines().count(), "one line about the skipped files: " + run.err());
        assertTrue(run.err().startsWith("crashwatch fleet: skipped 7 files"));
        assertEquals(List.of(A_ID + " 1 2"), fields(fleet("top", "--json", "--program", "app", "--version", "2.4.0",
            "--limit", "1").json().get("top"), "stackId", "machines", "count"));
    }

    @Test
    void new_regressions_trend_compare_and_show_answer_in_json() throws Exception {
        assertEquals(List.of(N_ID + " 3 6 3"), fields(fleet("new", "--version", "2.4.0-rc2", "--json").json()
            .get("newCrashes"), "stackId", "machines", "count", "reporting"));
        assertEquals(0, fleet("fixed", R_ID, "--in", "2.3.1").status());
        assertEquals(0, fleet("fixed", O_ID, "--in", "2.3.1", "--program", "app").status());
        assertEquals(List.of(R_ID + " 2.3.1 app 1 2026-10-26"), regressionRows(fleet("regressions", "--json").json()));
        JsonNode trend = fleet("trend", "--json", "--program", "app").json().get("trend");
        assertEquals("2026-10-12 2.3.1 3 2 2", fields(trend, "week", "version", "machines", "crashingMachines", "crashes")
            .get(2), "the late report is counted in its week");
        JsonNode c = fleet("compare", "2.4.0-rc1", "2.4.0-rc2", "--json").json().get("comparison");
        assertEquals("app 2 3", c.path("program").asText() + " " + c.path("baseMachines") + " " + c.path("newMachines"));
        assertEquals(List.of(N_ID), fields(c.get("newCrashes"), "stackId"));
        assertEquals(List.of(A_ID), fields(c.get("fewer"), "stackId"));
        JsonNode show = fleet("show", R_ID, "--json").json().get("crashes").get(0);
        assertEquals(List.of("app 2.3.0 2 5", "app 2.4.0 1 1"), fields(show.get("versions"), "value", "machines", "count"));
        assertEquals("java.lang.ArrayIndexOutOfBoundsException", show.get("frames").get(0).asText());
    }

    private static List<String> regressionRows(JsonNode json) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : json.get("regressions")) {
            rows.add(r.path("mark").path("stackId").asText() + " " + r.path("mark").path("fixedIn").asText() + " "
                + r.path("program").asText() + " " + r.path("countSince").asText() + " " + r.path("firstWeekSince").asText());
        }
        return rows;
    }

    @Test
    void the_triage_file_is_human_readable_and_marks_can_be_listed_and_removed() throws Exception {
        assertEquals(0, fleet("fixed", R_ID, "--in", "2.3.1").status());
        assertEquals(0, fleet("fixed", R_ID, "--in", "2.3.2").status());
        List<String> lines = Files.readAllLines(root.resolve("_fleet/fixed.txt")).stream()
            .filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of(R_ID + " 2.3.2"), lines, "a second mark replaces the first");
        assertEquals(R_ID + " fixed in 2.3.2\n", fleet("fixed").out());
        assertEquals(0, fleet("fixed", R_ID, "--remove").status());
        assertEquals("no crash is marked fixed\n", fleet("fixed").out());
        assertEquals(2, fleet("fixed", "not-an-id", "--in", "1.0").status());
        assertEquals(2, fleet("fixed", R_ID, "--in", "1.0", "--program", "a#b").status());
    }

    @Test
    void bad_usage_exits_2_and_unknown_answers_exit_1() {
        assertEquals(2, fleet("nosuch").status());
        assertEquals(2, fleet("top", "--nosuch").status());
        assertEquals(2, fleet("new").status(), "--version is required");
        assertEquals(2, fleet("compare", "2.4.0").status());
        assertEquals(1, fleet("new", "--version", "9.9").status());
        assertEquals(1, fleet("show", "AAAAAA").status());
        Run noDir = new Run(Main.execute(new String[] {"fleet", "top", "--reports", root.resolve("missing").toString()},
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())), "", "");
        assertEquals(1, noDir.status());
    }

    @Test
    void hostile_values_are_bound_not_pasted_into_sql() throws Exception {
        Run run = fleet("top", "--json", "--program", "x' OR '1'='1", "--version", "'; DROP TABLE counters; --");
        assertEquals(0, run.status(), run.err());
        assertEquals(0, run.json().get("top").size());
    }
}
