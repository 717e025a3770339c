package dev.crashwatch.watchdog.cli;

import static dev.crashwatch.watchdog.triage.TwoVersions.ADDED;
import static dev.crashwatch.watchdog.triage.TwoVersions.REMOVED;
import static dev.crashwatch.watchdog.triage.TwoVersions.SHARED;
import static dev.crashwatch.watchdog.triage.TwoVersions.W2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.RunsJournal;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.view.QueryParams;
import dev.crashwatch.watchdog.view.ViewPage;
import dev.crashwatch.watchdog.triage.TwoVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's commands in-process, against stores written through the real Store. */
class StoreCommandsTest {
    static final String MARKUP = "crash/crash\n<script>alert(1)</script>\napp.X.y:+1";

    @TempDir
    Path dir;

    CliInStore twoVersions() throws Exception {
        Store store = TwoVersions.write(dir);
        store.add(TwoVersions.key("2.4.0-rc1", W2), Map.of(MARKUP, 1L));
        store.saveMalformed(new byte[] {0, 1, 2});
        return new CliInStore(dir);
    }

    @Test
    void counters_json_has_each_file_with_key_and_counters() throws Exception {
        CliInStore cli = twoVersions();
        JsonNode files = cli.run("counters", "--json").json();
        assertEquals(3, files.size());
        JsonNode rc1 = files.get(2);
        assertEquals("2.4.0-rc1", rc1.get("version").asText());
        assertEquals("17.0.15", rc1.get("javaVersion").asText());
        assertEquals("linux-debian-12", rc1.get("os").asText());
        assertEquals("amd64", rc1.get("arch").asText());
        assertEquals("2026-11-16", rc1.get("weekStart").asText());
        assertEquals(4, rc1.get("counters").get(SHARED).asLong());
        assertEquals(1, rc1.get("counters").get(MARKUP).asLong());
    }

    @Test
    void counters_text_shows_stack_ids_and_frames_line_by_line_and_filters() throws Exception {
        CliInStore cli = twoVersions();
        String text = cli.run("counters", "--version", "2.3.0", "--since", "2026-11-16").out();
        assertTrue(text.contains("app@2.3.0  java 17.0.15  linux-debian-12/amd64  week of 2026-11-16"), text);
        assertTrue(text.contains(StackIds.of(SHARED) + "  crash/crash\n"), text);
        assertTrue(text.contains("\n" + " ".repeat(18) + "app.Main.main:+2\n"), text);
        assertTrue(!text.contains("2026-11-09"), text);
    }

    @Test
    void counters_on_an_empty_store_say_so() {
        CliInStore.Result r = new CliInStore(dir).run("counters");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("no counters recorded in "), r.toString());
        assertEquals("[ ]\n", new CliInStore(dir).run("counters", "--json").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"counters", "top"})
    void an_unknown_version_is_one_line_error(String command) throws Exception {
        CliInStore.Result r = twoVersions().run(command, "--version", "9.9");
        assertEquals(1, r.status());
        assertEquals("crashwatch " + command + ": unknown version '9.9'; known versions: 2.3.0, 2.4.0-rc1\n",
                r.err());
    }

    @Test
    void mode_prints_sets_and_rejects_words_it_does_not_know() {
        CliInStore cli = new CliInStore(dir);
        assertEquals("local\n", cli.run("mode").out());
        assertEquals(0, cli.run("mode", "off").status());
        assertEquals("off\n", cli.run("mode").out());
        CliInStore.Result bad = cli.run("mode", "loud");
        assertEquals(2, bad.status());
        assertEquals("crashwatch mode: 'loud' is not a mode: off, local or on ('crashwatch help mode' shows its usage)\n", bad.err());
    }

    @Test
    void status_json_tells_mode_location_files_weeks_recent_crash_and_malformed() throws Exception {
        CliInStore cli = twoVersions();
        JsonNode s = cli.run("status", "--json").json();
        assertEquals("local", s.get("mode").asText());
        assertEquals(dir.toString(), s.get("store").asText());
        assertEquals(3, s.get("counterFiles").asInt());
        assertTrue(s.get("counterBytes").asLong() > 100);
        assertEquals("[\"2026-11-09\",\"2026-11-16\"]", s.get("weeks").toString());
        assertEquals("2.4.0-rc1", s.get("mostRecentCrash").get("version").asText());
        assertEquals(1, s.get("malformedKept").asInt());
        String text = cli.run("status").out();
        assertTrue(text.contains("malformed kept:     1"), text);
        assertTrue(text.contains("weeks covered:      2, 2026-11-09 .. 2026-11-16"), text);
    }

    @Test
    void an_invalid_mode_file_means_local_and_mode_and_status_say_so() throws Exception {
        java.nio.file.Files.createDirectories(dir);
        Files.writeString(dir.resolve("mode"), "loud 2026-11-01\n");
        CliInStore cli = new CliInStore(dir);
        CliInStore.Result mode = cli.run("mode");
        assertEquals("local\n", mode.out());
        assertEquals("crashwatch mode: mode file holds 'loud 2026-11-01', not off, local or on: using local\n",
                mode.err());
        assertTrue(cli.run("status").out().startsWith("mode:               local (mode file) - mode file holds"),
                cli.run("status").out());
    }

    @Test
    void status_on_an_empty_store() {
        CliInStore.Result r = new CliInStore(dir).run("status");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("counter files:      0"), r.out());
        assertTrue(r.out().contains("most recent crash:  none"), r.out());
    }

    @Test
    void csv_has_one_row_per_file_and_counter_each_on_one_line() throws Exception {
        String csv = twoVersions().run("csv").out();
        assertTrue(csv.startsWith(CsvCommand.HEADER + "\r\n"), csv);
        assertTrue(csv.contains("app,2.3.0,17.0.15,linux-debian-12,amd64,2026-11-09," + StackIds.of(REMOVED)
                + ",2,crash/crash / java.lang.NullPointerException / app.Old.run:+5\r\n"), csv);
        assertEquals(1 + 6, csv.split("\r\n").length);
        assertEquals(1 + 6, csv.lines().count(), "no row spans two lines");
    }

    @Test
    void dump_prints_the_raw_files() throws Exception {
        CliInStore cli = twoVersions();
        String dump = cli.run("dump").out();
        for (var f : Store.at(dir).counterFiles()) {
            assertTrue(dump.contains("==> " + f.path() + " <==\n" + Files.readString(f.path())), dump);
        }
        assertTrue(dump.contains("(1 kept)"), dump);
    }

    @Test
    void clean_needs_yes_off_a_terminal_and_keeps_the_mode() throws Exception {
        CliInStore cli = twoVersions();
        cli.run("mode", "on");
        CliInStore.Result refused = cli.run("clean");
        assertEquals(2, refused.status());
        assertEquals(3, Store.at(dir).counterFiles().size());
        // A run that ended before the clean, journaled and not yet folded into the counters: not counted after it.
        RunsJournal.append(Store.at(dir), Instant.now(), List.of("program=app", "version=2.3.0", "javaVersion=17"));
        assertEquals(0, cli.run("clean", "--yes").status());
        assertEquals(List.of(), Store.at(dir).counterFiles());
        assertEquals(List.of(), Store.at(dir).malformedFiles());
        assertEquals("no counters recorded in " + Store.at(dir).counterDir() + "\n", cli.run("counters").out());
        assertEquals("on\n", cli.run("mode").out());
    }

    @Test
    void top_json_ranks_with_kind_weeks_and_frames() throws Exception {
        JsonNode top = twoVersions().run("top", "--json").json();
        assertEquals(SHARED, top.get(0).get("name").asText());
        assertEquals(8, top.get(0).get("count").asLong());
        assertEquals("uncaught", top.get(0).get("kind").asText());
        assertEquals("2026-11-09", top.get(0).get("firstWeek").asText());
        assertEquals("2026-11-16", top.get(0).get("lastWeek").asText());
        assertEquals(StackIds.of(SHARED), top.get(0).get("stackId").asText());
        assertEquals("[\"java.lang.IllegalStateException\",\"app.Main.main:+2\"]", top.get(0).get("frames").toString());
        assertEquals(4, top.size());
        assertEquals(1, twoVersions().run("top", "--json", "--limit", "1").json().size());
    }

    @Test
    void top_weeks_counts_back_from_this_week() throws Exception {
        Store store = Store.at(dir);
        java.time.LocalDate thisWeek = dev.crashwatch.watchdog.store.counters.Weeks.current();
        store.add(TwoVersions.key("1", thisWeek), Map.of(SHARED, 1L));
        store.add(TwoVersions.key("1", thisWeek.minusWeeks(1)), Map.of(REMOVED, 1L));
        store.add(TwoVersions.key("1", thisWeek.minusWeeks(2)), Map.of(ADDED, 1L));
        CliInStore cli = new CliInStore(dir);
        assertEquals(List.of(SHARED), names(cli.run("top", "--json", "--weeks", "1").json()));
        assertEquals(2, cli.run("top", "--json", "--weeks", "2").json().size());
        assertEquals(3, cli.run("top", "--json").json().size());
    }

    @Test
    void top_on_an_empty_store_and_with_weeks() {
        assertEquals("no crashes recorded\n", new CliInStore(dir).run("top").out());
        assertEquals(2, new CliInStore(dir).run("top", "--weeks", "0").status());
    }

    @Test
    void compare_json_finds_added_removed_and_shared() throws Exception {
        JsonNode c = twoVersions().run("compare", "--base", "2.3.0", "--new", "2.4.0-rc1", "--json").json();
        assertEquals("raw", c.get("basis").asText());
        assertEquals(List.of(MARKUP, ADDED), names(c.get("newCrashes"))); // ties: by name
        assertEquals(List.of(REMOVED), names(c.get("gone")));
        assertEquals(List.of(), names(c.get("changed")));
        assertEquals(List.of(SHARED), names(c.get("unchanged")));
    }

    @Test
    void compare_text_says_the_basis_and_bad_usage_is_one_line() throws Exception {
        CliInStore cli = twoVersions();
        String text = cli.run("compare", "--base", "2.3.0", "--new", "2.4.0-rc1").out();
        assertTrue(text.startsWith("compare 2.3.0 -> 2.4.0-rc1: raw counts (runs unknown)\n"), text);
        assertTrue(text.contains("new in 2.4.0-rc1 (2):"), text);
        CliInStore.Result missing = cli.run("compare", "--base", "2.3.0");
        assertEquals(2, missing.status());
        assertEquals("crashwatch compare: missing --new ('crashwatch help compare' shows its usage)\n", missing.err());
        CliInStore.Result unknown = cli.run("compare", "--base", "2.3.0", "--new", "3.0");
        assertEquals(1, unknown.status());
        assertEquals(1, unknown.err().lines().count());
        assertEquals(1, new CliInStore(dir.resolve("empty")).run("compare", "--base", "1", "--new", "2").status());
    }

    @Test
    void top_text_keeps_a_crash_of_many_versions_on_one_line_and_json_lists_them_all() throws Exception {
        Store store = Store.at(dir);
        for (int v = 1; v <= 12; v++) {
            store.add(TwoVersions.key("1." + v, W2), Map.of(SHARED, 1L));
        }
        store.add(TwoVersions.key("1.1", W2), Map.of(ADDED, 1L));
        String text = new CliInStore(dir).run("top").out();
        assertTrue(text.contains("  versions 12 versions, 1.1 .. 1.12  java 17.0.15\n"), text);
        assertTrue(text.contains("  versions 1.1  java 17.0.15\n"), text);
        assertEquals(12, new CliInStore(dir).run("top", "--json").json().get(0).get("versions").size());
    }

    @Test
    void compare_without_a_program_says_when_no_program_has_both_versions() throws Exception {
        Store store = Store.at(dir);
        store.add(TwoVersions.key("1.0", W2), Map.of(SHARED, 1L));
        store.add(new CounterFileKey("other", "2.0", "17.0.15", "linux", "amd64", W2), Map.of(SHARED, 1L));
        store.add(new CounterFileKey("other", "1.0", "17.0.15", "linux", "amd64", W2), Map.of(SHARED, 1L));
        CliInStore cli = new CliInStore(dir);
        CliInStore.Result apart = cli.run("compare", "--base", "1.0", "--new", "2.0", "--json");
        assertEquals(0, apart.status(), apart.toString());
        assertEquals("", apart.err(), "other has both");
        store.add(new CounterFileKey("third", "3.0", "17.0.15", "linux", "amd64", W2), Map.of(SHARED, 1L));
        CliInStore.Result r = cli.run("compare", "--base", "2.0", "--new", "3.0", "--json");
        assertEquals("crashwatch compare: no program has both versions (2.0: other; 3.0: third); '--program P'"
                + " compares one program's versions\n", r.err());
        assertEquals("2.0", r.json().get("base").asText(), "the comparison is still made, stdout JSON alone");
        assertEquals("", cli.run("compare", "--base", "2.0", "--new", "3.0", "--program", "other").err().lines()
                .filter(l -> l.contains("no program has both")).reduce("", String::concat));
    }

    @Test
    void compare_rates_read_the_same_in_the_cli_and_the_view_without_exponents() throws Exception {
        Store store = Store.at(dir);
        store.add(TwoVersions.key("1.0", W2), Map.of(Store.RUNS_COUNTER, 1L, SHARED, 1L));
        store.add(TwoVersions.key("2.0", W2), Map.of(Store.RUNS_COUNTER, 3L, SHARED, 1L, ADDED, 1L));
        String text = new CliInStore(dir).run("compare", "--base", "1.0", "--new", "2.0").out();
        assertTrue(text.contains("1000 per 1k runs (1) -> 333 per 1k runs (1)"), text);
        assertTrue(text.contains("0 per 1k runs (0) -> 333 per 1k runs (1)"), text);
        String html = new ViewPage(store).render(QueryParams.parse("program=app&base=1.0&new=2.0"));
        assertTrue(html.contains("1 <span class=\"rate\">(1000 per 1k runs)</span>"), html);
        assertTrue(html.contains("1 <span class=\"rate\">(333 per 1k runs)</span>"), html);
    }

    @Test
    void each_page_of_the_view_counts_the_runs_that_ended_since_the_last() throws Exception {
        Store store = Store.at(dir);
        for (String version : List.of("1.0", "2.0")) { // this machine's file of this week: where the run goes
            store.add(new CounterFileKey("app", version, "17.0.15", store.hostFacts().os(), store.hostFacts().arch(),
                    Weeks.current()), Map.of(Store.RUNS_COUNTER, 1L, SHARED, 1L));
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        var page = ViewCommand.page(store, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        QueryParams query = QueryParams.parse("program=app&base=1.0&new=2.0");
        assertTrue(page.render(query).contains("(1 and 1 runs)"));
        // A watchdog journals a run of 2.0 that ended while the view was open.
        RunsJournal.append(store, Instant.now(), List.of("program=app", "version=2.0", "javaVersion=17.0.15"));
        String html = page.render(query);
        assertTrue(html.contains("(1 and 2 runs)"), html);
        assertEquals("", err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"counters", "mode", "status", "csv", "dump", "clean", "top", "compare", "export", "import"})
    void an_unknown_option_is_a_one_line_usage_error(String command) {
        CliInStore.Result r = new CliInStore(dir).run(command, "--bogus");
        assertEquals(2, r.status(), r.toString());
        assertEquals("crashwatch " + command + ": unknown option '--bogus' ('crashwatch help " + command
                + "' shows its usage)\n", r.err());
    }

    /** {@code crashwatch COMMAND --help} (or {@code -h}) is {@code crashwatch help COMMAND}: the usage, status 0. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "counters", "mode", "status", "top", "compare", "export", "import", "clean", "view"})
    void help_after_a_command_prints_its_usage(String command) {
        CliInStore cli = new CliInStore(dir);
        CliInStore.Result help = cli.run("help", command);
        for (String flag : new String[] {"--help", "-h"}) {
            CliInStore.Result r = cli.run(command, flag);
            assertEquals(0, r.status(), r.toString());
            assertEquals(help.out(), r.out());
            assertTrue(r.out().startsWith("usage: crashwatch " + command), r.out());
            assertEquals("", r.err());
        }
        assertTrue(Files.notExists(dir.resolve("counters")), "nothing ran");
    }

    @Test
    void help_of_help_is_the_command_list_and_an_unknown_one_says_where_the_list_is() {
        CliInStore cli = new CliInStore(dir);
        assertEquals(cli.run("help").out(), cli.run("help", "help").out());
        CliInStore.Result unknown = cli.run("help", "nope");
        assertEquals(2, unknown.status());
        assertEquals("crashwatch help: unknown command 'nope'; 'crashwatch help' lists them\n", unknown.err());
    }

    @Test
    void help_anywhere_before_a_double_dash_is_help_and_after_it_the_wrapped_commands() {
        CliInStore cli = new CliInStore(dir);
        assertEquals(cli.run("help", "top").out(), cli.run("top", "--json", "--help").out());
        assertTrue(Main.asksForHelp(List.of("new", "--since", "2.4.0", "-h")), "after a subcommand (fleet new)");
        assertFalse(Main.asksForHelp(List.of("--program", "p", "--", "java", "-h")), "the wrapped command's -h");
        assertFalse(Main.asksForHelp(List.of("--", "--help")));
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
