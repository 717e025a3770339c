package dev.crashwatch.watchdog.view;

import static dev.crashwatch.watchdog.view.ViewFixture.ISE;
import static dev.crashwatch.watchdog.view.ViewFixture.KILLED;
import static dev.crashwatch.watchdog.view.ViewFixture.MARKUP;
import static dev.crashwatch.watchdog.view.ViewFixture.NPE;
import static dev.crashwatch.watchdog.view.ViewFixture.OOM_EXIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.CollectorUrl;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered page, against counter files written by the real store into a temporary directory. */
class ViewPageTest {
    private static final Pattern BAR =
        Pattern.compile("<rect class=\"bar\" data-series=\"([^\"]*)\" data-week=\"([^\"]*)\" data-count=\"(\\d+)\"");
    private static final Pattern ROW =
        Pattern.compile("<tr class=\"crash\" data-stack-id=\"([^\"]+)\">.*?<td class=\"count num\">(\\d+)</td>");

    @TempDir
    Path dir;

    private String page(String query) throws Exception {
        return new ViewPage(Store.at(dir)).render(QueryParams.parse(query));
    }

    @Test
    void chart_has_one_bar_per_version_and_week_with_the_stores_crash_count() throws Exception {
        ViewFixture.fill(Store.at(dir));
        Map<String, Map<LocalDate, Long>> bars = new TreeMap<>();
        Matcher m = BAR.matcher(page(null));
        while (m.find()) {
            bars.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(LocalDate.parse(m.group(2)),
                Long.parseLong(m.group(3)));
        }
        Map<String, Map<LocalDate, Long>> expected = new TreeMap<>();
        ViewFixture.weekly().forEach((label, weeks) -> expected.put(Html.escape(label), weeks));
        assertEquals(expected, bars);
    }

    @Test
    void top_crashes_are_ranked_by_the_stores_counts_with_their_stack_ids() throws Exception {
        ViewFixture.fill(Store.at(dir));
        String top = section(page(null), "top");
        Map<String, Long> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(top);
        while (m.find()) {
            rows.put(m.group(1), Long.parseLong(m.group(2)));
        }
        Map<String, Long> expected = new TreeMap<>();
        ViewFixture.totals().forEach((name, n) -> expected.put(StackIds.of(name), n));
        assertEquals(expected, new TreeMap<>(rows));
        List<Long> counts = new ArrayList<>(rows.values());
        assertEquals(10L, counts.get(0), "most frequent first: " + rows);
        assertTrue(top.replace(".<wbr>", ".").contains("<pre class=\"frames\">java.lang.NullPointerException\n"
            + "com.example.shop.Cart.total:+3\ncom.example.shop.Main.main:+7\n</pre>"), "frames one per line: " + top);
    }

    @Test
    void markup_in_counter_names_program_names_and_parameters_is_rendered_as_text() throws Exception {
        ViewFixture.fill(Store.at(dir));
        String html = page("base=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(3)%3E&new=2.3.0")
            + page("program=%3Cscript%3Ealert(4)%3C/script%3E");
        String lower = html.toLowerCase();
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no img element");
        assertFalse(html.contains("<i>"), "no i element from the program name");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;\n&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
            "the counter's frames, escaped");
        assertTrue(html.contains("tool&quot;&gt;&lt;i&gt;x 1.0"), "the program name in the legend, escaped");
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(3)&gt;"), "the asked-for version, escaped");
        assertTrue(html.contains("unknown program &#39;&lt;script&gt;alert(4)&lt;/script&gt;&#39;"),
            "the asked-for program, escaped");
    }

    @Test
    void compare_defaults_to_the_two_newest_versions_with_rates_per_run() throws Exception {
        ViewFixture.fill(Store.at(dir));
        String compare = section(page(null), "compare");
        assertTrue(compare.contains("<option value=\"2.3.0\" selected>"), compare);
        assertTrue(compare.contains("<option value=\"2.4.0-rc1\" selected>"), compare);
        assertTrue(compare.contains("crashes per 1,000 runs (20 and 10 runs)"), compare);
        assertEquals(ids(KILLED, MARKUP), stackIds(table(compare, "compare-new")));
        assertEquals(ids(NPE), stackIds(table(compare, "compare-changed")));
        assertEquals(ids(ISE, OOM_EXIT), stackIds(table(compare, "compare-gone")));
    }

    @Test
    void the_summary_says_how_many_counter_files_were_skipped_as_unreadable() throws Exception {
        ViewFixture.fill(Store.at(dir));
        assertFalse(page(null).contains("unreadable"));
        java.nio.file.Files.writeString(Store.at(dir).counterDir().resolve("app@1-17-linux-amd64-2026-11-23.v1.json"),
            "{ not json");
        assertTrue(page(null).contains("<strong class=\"error\" id=\"unreadable\">1 unreadable counter file skipped"
            + "</strong> (<code>crashwatch status</code> lists them)"));
    }

    @Test
    void compare_defaults_to_one_program_never_to_two_programs_newest_versions() throws Exception {
        Store store = Store.at(dir);
        LocalDate week = LocalDate.of(2026, 11, 23);
        store.add(new CounterFileKey("a", "1.0", "17", "linux", "amd64", week), Map.of(NPE, 1L));
        store.add(new CounterFileKey("a", "2.0", "17", "linux", "amd64", week), Map.of(NPE, 2L));
        store.add(new CounterFileKey("b", "3.0", "17", "linux", "amd64", week), Map.of(ISE, 1L));
        String compare = section(page(null), "compare");
        assertTrue(compare.contains("<option value=\"a\" selected>"), compare);
        assertTrue(compare.contains("a <strong>2.0</strong> against <strong>1.0</strong>"), compare);
        String all = section(page("program=&base=2.0&new=3.0"), "compare");
        assertTrue(all.contains("All programs, <strong>3.0</strong> against <strong>2.0</strong>"), all);
    }

    @Test
    void compare_uses_the_versions_picked_on_the_page() throws Exception {
        ViewFixture.fill(Store.at(dir));
        String compare = section(page("program=shop&base=2.4.0-rc1&new=2.3.0"), "compare");
        assertEquals(ids(ISE, OOM_EXIT), stackIds(table(compare, "compare-new")));
        assertEquals(ids(KILLED, MARKUP), stackIds(table(compare, "compare-gone")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base=9.9&new=2.3.0", "program=shop&base=2.3.0&new=1.0"})
    void an_unknown_version_is_a_message_on_the_page(String query) throws Exception {
        ViewFixture.fill(Store.at(dir));
        String compare = section(page(query), "compare");
        assertTrue(compare.contains("<p class=\"error\" id=\"compare-error\">unknown version"), compare);
        assertFalse(compare.contains("compare-results"), compare);
    }

    @Test
    void an_empty_store_says_so_in_every_section_and_one_week_is_named_once() throws Exception {
        String html = page(null);
        assertFalse(html.contains("<svg"), html);
        assertTrue(section(html, "weekly").contains("No crashes recorded yet."), html);
        assertTrue(section(html, "top").contains("No crashes recorded yet."), html);
        assertTrue(section(html, "compare").contains("No versions recorded yet."), html);
        assertTrue(html.contains("<strong id=\"total-crashes\">0</strong>"), html);
        Store.at(dir).add(ViewFixture.ENTRIES.get(0).key(), ViewFixture.ENTRIES.get(0).counts());
        assertTrue(page(null).contains(" · week 2026-11-02 · "), "one week: " + page(null));
    }

    @Test
    void header_shows_the_mode_its_meaning_and_the_stores_totals() throws Exception {
        Store store = ViewFixture.fill(Store.at(dir));
        String html = page(null);
        assertTrue(html.contains("<strong id=\"total-crashes\">" + ViewFixture.allCrashes() + "</strong>"), html);
        assertTrue(html.contains("5 counter files · 2 programs · 3 versions"), html);
        assertTrue(html.contains("weeks 2026-11-02 to 2026-11-16"), html);
        store.setMode(Mode.ON, java.util.Optional.of(CollectorUrl.parse("http://127.0.0.1:8420")));
        String on = page(null);
        assertTrue(on.contains("report is sent to the collector after the grace period"), on);
        assertFalse(on.contains("nothing is sent"), "mode on said no upload step exists");
        assertTrue(on.contains("<p id=\"upload\">Uploads to http://127.0.0.1:8420 (mode file); next upload: "), on);
        store.setMode(Mode.OFF);
        assertTrue(new ViewPage(store).render(QueryParams.parse(null))
            .contains("<strong class=\"mode mode-off\">off</strong>"), "mode off shown");
        assertFalse(page(null).contains("id=\"upload\""), "no upload line unless on");
        assertTrue(page(null).contains(ModeText.meaning(store.mode())), "its meaning shown");
    }

    /** The HTML of {@code <section id="ID">}. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "section " + id + " in " + html);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String table(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, id + " in " + html);
        int end = html.length();
        for (String next : List.of("</table>", "<h3>")) {
            int at = html.indexOf(next, start);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return html.substring(start, end);
    }

    /** The sorted stack IDs of counter names. */
    private static List<String> ids(String... names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(StackIds.of(name));
        }
        ids.sort(null);
        return ids;
    }

    private static List<String> stackIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-stack-id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        ids.sort(null);
        return ids;
    }
}
