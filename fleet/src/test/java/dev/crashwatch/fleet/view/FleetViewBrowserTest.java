package dev.crashwatch.fleet.view;

import static dev.crashwatch.fleet.query.TestFleet.A_ID;
import static dev.crashwatch.fleet.query.TestFleet.N_ID;
import static dev.crashwatch.fleet.query.TestFleet.O_ID;
import static dev.crashwatch.fleet.query.TestFleet.R_ID;
import static dev.crashwatch.fleet.query.TestFleet.T_ID;
import static dev.crashwatch.fleet.query.TestFleet.W1;
import static dev.crashwatch.fleet.query.TestFleet.W2;
import static dev.crashwatch.fleet.query.TestFleet.W3;
import static dev.crashwatch.fleet.query.TestFleet.W4;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crashwatch.fleet.query.BadFiles;
import dev.crashwatch.fleet.query.Compactor;
import dev.crashwatch.fleet.query.FixedCrash;
import dev.crashwatch.fleet.query.FixedCrashes;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.TestFleet;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.view.ChromeDriverProcess;
import dev.crashwatch.watchdog.view.QueryParams;
import dev.crashwatch.watchdog.view.ViewServer;
import dev.crashwatch.watchdog.view.WebDriverSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crashwatch fleet view} end to end in headless Chromium (as the local view's test): the page of the planted
 * fleet, compacted, with bad files and a program whose name is markup. Saves {@code target/fleet-view-screenshot.png}.
 */
class FleetViewBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "fleet-view-screenshot.png");
    static final String MARKUP_PROGRAM = "<i>evil</i>";

    @TempDir
    Path root;

    @TempDir
    Path profile;

    @Test
    void headless_chromium_shows_the_fleets_answers() throws Exception {
        assumeTrue(ChromeDriverProcess.installed(),
            "chromium and chromium-driver are not installed (.ci/setup installs them when run as root)");
        FleetLayout layout = TestFleet.write(root);
        BadFiles.plant(root);
        TestFleet.write(root, new TestFleet.Planted(17, W4, W4.plusDays(7), List.of(new ReportEntry(MARKUP_PROGRAM,
            "1.0", "17.0.15", "linux-debian-12", "amd64", Map.of("crashwatch/runs", 1L)))));
        Compactor.compact(layout);
        FixedCrashes.mark(layout, new FixedCrash(R_ID, "2.3.1", Optional.empty()));
        Files.createDirectories(SCREENSHOT.getParent());
        try (ViewServer server = ViewServer.start(new FleetPage(layout), 0);
             ChromeDriverProcess driver = ChromeDriverProcess.start(Path.of("target", "fleet-chromedriver.log"));
             WebDriverSession browser = WebDriverSession.open(driver, profile)) {
            browser.navigate(server.uri());
            assertEquals("crashwatch fleet", browser.execute("return document.title").asText());
            chartShowsCrashesPerWeekPerVersion(browser);
            assertEquals(List.of(A_ID + " 6 10", N_ID + " 4 7", R_ID + " 3 6", O_ID + " 3 4", T_ID + " 1 1"),
                rows(browser, "#top-crashes"));
            assertEquals(List.of(R_ID), column(browser, "#regression-list tr.crash .stack-id"));
            assertEquals(List.of("machine-weeks", "crashes"), column(browser, "#top-crashes thead th.num"),
                "a report is one machine's week: counts over several weeks say so");
            assertEquals(List.of("machines", "with a crash", "crashes"), column(browser, "#trend thead th.num"),
                "within one week a report is a machine");
            assertTrue(browser.text(browser.find("#compare .note")).startsWith(
                "Crashes per machine-week reporting the version: 2.4.0-rc2 on 3 machine-weeks, 2.4.0 on 3 machine-weeks"),
                browser.text(browser.find("#compare .note")));
            assertTrue(browser.text(browser.find("#skipped-files")).startsWith("skipped 7 files"));
            assertEquals(0, browser.execute("return document.querySelectorAll('script, img, i').length;").asInt(),
                "no element made from a program name");
            assertEquals(1, browser.execute("return document.querySelectorAll('#no-new-crashes').length;").asInt(),
                "by default the newest version of the busiest program, app 2.4.0: nothing new in it");
            browser.saveFullPageScreenshot(SCREENSHOT);
            browser.click(browser.find("#new-in select[name=new-version] option[value='2.4.0-rc2']"));
            browser.click(browser.find("#new-in button"));
            await("the new-in page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.execute("return location.search;").asText().contains("new-version=2.4.0-rc2"));
            assertEquals(List.of(N_ID + " 3 6"), rows(browser, "#new-crashes"));
        }
    }

    /** Without a browser: a version picked in the address that no report has is said, not compared with nothing. */
    @Test
    void a_version_no_report_has_is_said_not_compared() throws Exception {
        FleetLayout layout = TestFleet.write(root);
        String page = new FleetPage(layout).render(QueryParams.parse("program=app&base=9.9&new=2.4.0&new-version=zzz"));
        String compare = page.substring(page.indexOf("<section id=\"compare\">"));
        assertTrue(compare.contains("<p class=\"error\" id=\"no-report\">No report of app 9.9.</p>"), compare);
        assertTrue(!compare.contains("Crashes per machine-week"), compare);
        String newIn = page.substring(page.indexOf("<section id=\"new-in\">"), page.indexOf("<section id=\"top\">"));
        assertTrue(newIn.contains("No report of app zzz."), newIn);
        assertTrue(!newIn.contains("no-new-crashes"), newIn);
        assertTrue(page.contains(" 0 received days compacted, 8 read raw."), page);
        Path one = root.resolve("one-day");
        TestFleet.write(one, TestFleet.late());
        Compactor.compact(new FleetLayout(one));
        String summary = new FleetPage(new FleetLayout(one)).render(QueryParams.parse(""));
        assertTrue(summary.contains(" 1 received day compacted, 0 read raw."), summary);
    }

    private static void chartShowsCrashesPerWeekPerVersion(WebDriverSession browser) throws Exception {
        JsonNode bars = browser.execute("return Array.from(document.querySelectorAll('#weekly-chart rect.bar'))"
            + ".map(r => [r.getAttribute('data-series'), r.getAttribute('data-week'), r.getAttribute('data-count')]);");
        Map<String, Map<LocalDate, Long>> shown = new TreeMap<>();
        for (JsonNode bar : bars) {
            shown.computeIfAbsent(bar.get(0).asText(), k -> new TreeMap<>())
                .put(LocalDate.parse(bar.get(1).asText()), bar.get(2).asLong());
        }
        Map<String, Map<LocalDate, Long>> expected = new TreeMap<>();
        expected.put("app 2.3.0", new TreeMap<>(Map.of(W1, 5L, W2, 2L, W3, 5L)));
        expected.put("app 2.3.1", new TreeMap<>(Map.of(W2, 1L)));
        expected.put("app 2.4.0-rc1", new TreeMap<>(Map.of(W2, 3L)));
        expected.put("app 2.4.0-rc2", new TreeMap<>(Map.of(W3, 4L, W4, 3L)));
        expected.put("app 2.4.0", new TreeMap<>(Map.of(W4, 4L)));
        expected.put("tool 1.0", new TreeMap<>(Map.of(W4, 1L)));
        assertEquals(expected, shown);
        assertEquals(28, Long.parseLong(browser.text(browser.find("#total-crashes"))));
    }

    private static List<String> rows(WebDriverSession browser, String table) throws Exception {
        JsonNode rows = browser.execute("return Array.from(document.querySelectorAll(arguments[0] + ' tr.crash'))"
            + ".map(r => [r.querySelector('.stack-id').innerText, r.querySelector('.machines').innerText,"
            + " r.querySelector('.count').innerText].join(' '));", table);
        List<String> list = new ArrayList<>();
        rows.forEach(r -> list.add(r.asText()));
        return list;
    }

    private static List<String> column(WebDriverSession browser, String css) throws Exception {
        List<String> list = new ArrayList<>();
        browser.execute("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText);", css)
            .forEach(n -> list.add(n.asText()));
        return list;
    }
}
