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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
        return in(root, args);
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
        Run first = fleet("fixed", R_ID, "--in", "2.3.1");
        assertEquals(0, first.status(), first.err());
        assertEquals("", first.err(), "a crash the reports have: nothing to note");
        assertEquals(0, fleet("fixed", R_ID, "--in", "2.3.2").status());
        Run typo = fleet("fixed", "tGZFgx", "--in", "2.3.2");
        assertEquals(0, typo.status(), "marked anyway: a crash may be marked before its first report");
        assertEquals("crashwatch fleet fixed: note: no report has a crash with stack ID tGZFgx (a typo? 'crashwatch fleet"
            + " fixed tGZFgx --remove' takes the mark back)\n", typo.err());
        assertEquals(0, fleet("fixed", "tGZFgx", "--remove").status());
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
        Run noDir = in(root.resolve("missing"), "top");
        assertEquals(1, noDir.status());
        assertEquals(List.of("crashwatch fleet: " + root.resolve("missing") + ": no such folder; --reports takes the folder"
            + " of 'crashwatch collector --dir'"), noDir.err().lines().toList());
    }

    @Test
    void text_counts_machine_weeks_and_says_one_in_the_singular() {
        Run top = fleet("top");
        assertEquals(0, top.status(), top.err());
        String tool = top.out().lines().filter(l -> l.contains(T_ID)).findFirst().orElseThrow();
        assertTrue(tool.contains(" 1 machine-week ") && tool.contains(" 1 crash "), tool);
        String first = top.out().lines().filter(l -> l.contains(A_ID)).findFirst().orElseThrow();
        assertTrue(first.contains(" 7 machine-weeks ") && first.contains(" 11 crashes "), first);
        Run show = fleet("show", T_ID);
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("  2026-10-26 ") && l.contains(" 1 machine ")),
            "a week's row counts machines: " + show.out());
        assertTrue(show.out().contains(" 1 machine-week "), show.out());
        Run compare = fleet("compare", "2.4.0-rc1", "2.4.0-rc2");
        assertTrue(compare.out().startsWith("compare app 2.4.0-rc1 (2 machine-weeks) -> 2.4.0-rc2 (3 machine-weeks)"),
            compare.out());
        for (Run run : List.of(top, show, compare, fleet("new", "--version", "2.4.0-rc2"), fleet("regressions"))) {
            assertTrue(!run.out().matches("(?s).*\\b1 (machines|machine-weeks|crashes)\\b.*"), run.out());
        }
    }

    @Test
    void comparing_a_version_nobody_reported_is_an_error_naming_the_reported_ones() {
        Run run = fleet("compare", "2.4.0-rc1", "2.4.0-rc3");
        assertEquals(1, run.status(), run.out());
        assertEquals("", run.out());
        assertTrue(run.err().endsWith("crashwatch fleet compare: no report of app 2.4.0-rc3 (reported: 2.3.0, 2.3.1,"
            + " 2.4.0-rc1, 2.4.0-rc2, 2.4.0)\n"), run.err());
        assertEquals(2, fleet("compare", "2.4.0", "2.4.0").status(), "the same version twice");
    }

    @Test
    void a_folder_that_is_not_a_reports_folder_is_a_one_line_error_and_an_empty_one_has_no_reports_yet() throws Exception {
        Path store = Files.createDirectories(root.resolve("machine-store/counters"));
        for (String[] args : List.of(new String[] {"top"}, new String[] {"fixed", R_ID, "--in", "1.0"},
            new String[] {"view", "--port", "0"}, new String[] {"compact"})) {
            Run run = in(store.getParent(), args);
            assertEquals(1, run.status(), String.join(" ", args) + ": " + run.out());
            assertEquals(List.of("crashwatch fleet: " + store.getParent() + ": not a collector's reports folder (no"
                + " received=YYYY-MM-DD folder, but counters); --reports takes the folder of 'crashwatch collector --dir'"),
                run.err().lines().toList());
        }
        assertTrue(Files.notExists(store.getParent().resolve("_fleet")), "no triage file in a folder that is not one");
        Run file = in(Files.writeString(root.resolve("a-file"), "x"), "top");
        assertEquals(1, file.status());
        assertTrue(file.err().contains("a-file: not a folder;"), file.err());
        Path empty = Files.createDirectories(root.resolve("fresh-collector/_collector"));
        Run none = in(empty.getParent(), "top");
        assertEquals(0, none.status(), none.err());
        assertEquals("crashwatch fleet: no reports yet in " + empty.getParent()
            + " (the collector stores them under received=YYYY-MM-DD/)\n", none.err());
        assertEquals("nothing to compact: no reports yet in " + empty.getParent() + "\n",
            in(empty.getParent(), "compact").out());
    }

    @Test
    void a_program_or_version_no_report_names_is_an_error_naming_what_was_reported() throws Exception {
        for (String command : List.of("top", "trend")) {
            Run run = fleet(command, "--program", "ap", "--json");
            assertEquals(1, run.status(), command + ": " + run.out());
            assertEquals("", run.out());
            assertTrue(run.err().endsWith("crashwatch fleet " + command + ": no report of program ap (reported: app, tool)\n"),
                run.err());
        }
        Run version = fleet("top", "--program", "tool", "--version", "2.4.0");
        assertEquals(1, version.status(), version.out());
        assertTrue(version.err().endsWith("crashwatch fleet top: no report of version 2.4.0 of tool\n"), version.err());
        Run known = fleet("top", "--program", "app", "--version", "2.4.0", "--weeks", "1", "--limit", "1");
        assertEquals(0, known.status(), known.err());
        Run none = fleet("top", "--program", "app", "--version", "2.3.1", "--weeks", "1");
        assertEquals(0, none.status(), none.err());
        assertEquals("no crashes match\n", none.out(), "known names with nothing to show: an empty answer");
    }

    @Test
    void an_unknown_fleet_command_names_the_commands_and_the_help_once() {
        Run run = fleet("nosuch");
        assertEquals(2, run.status());
        assertEquals("crashwatch fleet: unknown command 'nosuch' (compact, top, new, regressions, fixed, trend, compare,"
            + " show, view) ('crashwatch help fleet' shows its usage)\n", run.err());
    }

    /**
     * The JSON's field names are a contract for scripts (docs/fleet.md, "Answers, errors and JSON"): a renamed record
     * component must fail here, not silently change the output.
     */
    @Test
    void json_field_names_stay_as_documented() throws Exception {
        assertEquals(0, fleet("fixed", R_ID, "--in", "2.3.1").status());
        String crash = "stackId name kind frames[] ";
        String newItem = crash + "program version machines count firstWeek lastWeek reporting";
        String delta = crash + "baseCount baseMachines baseRate newCount newMachines newRate";
        String seen = "value machines count";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("top", "top[]: " + crash + "machines count firstWeek lastWeek firstVersion");
        expected.put("new --version 2.4.0-rc2", "newCrashes[]: " + newItem);
        expected.put("regressions", "regressions[]: mark.stackId mark.fixedIn mark.program program name kind frames[]"
            + " firstWeekSince countSince since[] olderStill[] | since[]: " + newItem + " | olderStill[]: " + newItem);
        expected.put("fixed", "fixed[]: stackId fixedIn program");
        expected.put("trend", "trend[]: week program version machines crashingMachines crashes");
        expected.put("compare 2.3.0 2.4.0", "comparison: program base next baseMachines newMachines newCrashes[] gone[]"
            + " more[] fewer[] same[] | newCrashes[]: " + delta + " | gone[]: " + delta + " | more[]: " + delta
            + " | fewer[]: " + delta); // nothing unchanged from 2.3.0 to 2.4.0: same[] is empty
        expected.put("show " + R_ID, "crashes[]: " + crash + "machines count firstWeek lastWeek versions[]"
            + " versionsWithout[] weeks[] javaVersions[] systems[] | versions[]: " + seen + " | versionsWithout[]: " + seen
            + " | weeks[]: " + seen + " | javaVersions[]: " + seen + " | systems[]: " + seen);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<String> args = new ArrayList<>(List.of(e.getKey().split(" ")));
            args.add("--json");
            Run run = fleet(args.toArray(String[]::new));
            assertEquals(0, run.status(), e.getKey() + ": " + run.err());
            Map<String, TreeSet<String>> shape = new TreeMap<>();
            JsonNode doc = run.json();
            List<String> top = new ArrayList<>();
            doc.fieldNames().forEachRemaining(top::add);
            String answer = e.getKey().equals("fixed") ? "fixed" : top.get(0);
            assertEquals(e.getKey().equals("fixed") ? List.of(answer) : List.of(answer, "skippedFiles"), top, e.getKey());
            shape(answer, doc.get(answer), shape);
            Map<String, TreeSet<String>> want = new TreeMap<>();
            for (String part : e.getValue().split(" \\| ")) {
                String[] kv = part.split(": ");
                want.put(kv[0], new TreeSet<>(List.of(kv[1].trim().split(" +"))));
            }
            assertEquals(want, shape, e.getKey());
        }
        List<String> skipped = new ArrayList<>();
        fleet("top", "--json").json().get("skippedFiles").get(0).fieldNames().forEachRemaining(skipped::add);
        assertEquals(List.of("file", "reason"), skipped);
    }

    /** Each object's field names by where it is (an array's items as {@code name[]}; nested objects flattened). */
    private static void shape(String at, JsonNode node, Map<String, TreeSet<String>> shape) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                shape(at.endsWith("[]") ? at : at + "[]", item, shape);
            }
            return;
        }
        TreeSet<String> fields = shape.computeIfAbsent(at.contains(".") ? at.substring(at.lastIndexOf('.') + 1)
            : at, k -> new TreeSet<>());
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isObject()) {
                f.getValue().fieldNames().forEachRemaining(n -> fields.add(f.getKey() + "." + n));
            } else if (f.getValue().isArray()) {
                fields.add(f.getKey() + "[]");
                if (f.getValue().size() > 0 && f.getValue().get(0).isContainerNode()) {
                    shape(f.getKey() + "[]", f.getValue(), shape);
                }
            } else {
                fields.add(f.getKey());
            }
        });
    }

    private static Run in(Path reports, String... args) {
        List<String> all = new ArrayList<>(List.of("fleet"));
        all.addAll(List.of(args));
        all.add("--reports=" + reports);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hostile_values_are_bound_not_pasted_into_sql() throws Exception {
        Run run = fleet("top", "--json", "--program", "x' OR '1'='1", "--version", "'; DROP TABLE counters; --");
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().endsWith("crashwatch fleet top: no report of program x' OR '1'='1 (reported: app, tool)\n"),
            run.err());
    }
}
