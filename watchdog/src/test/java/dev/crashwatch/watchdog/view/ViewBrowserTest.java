package dev.crashwatch.watchdog.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.RequiredTool;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in a real browser: headless Chromium, driven by ChromeDriver over the W3C WebDriver protocol,
 * opens the view of a store with known counts and reads the rendered DOM. Saves {@code target/view-screenshot.png}.
 */
class ViewBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "view-screenshot.png");

    @TempDir
    Path storeDir;

    @TempDir
    Path profile;

    @Test
    void headless_chromium_shows_the_stores_real_counts_and_markup_as_text() throws Exception {
        RequiredTool.require(ChromeDriverProcess.installed(),
            "chromium and chromium-driver are not installed (.ci/setup installs them when run as root)");
        Files.createDirectories(SCREENSHOT.getParent());
        try (ViewServer server = ViewServer.start(ViewFixture.fill(Store.at(storeDir)), 0);
             ChromeDriverProcess driver = ChromeDriverProcess.start(Path.of("target", "chromedriver.log"));
             WebDriverSession browser = WebDriverSession.open(driver, profile)) {
            browser.navigate(server.uri());
            assertEquals("crashwatch view", browser.execute("return document.title").asText());
            chartShowsWeeklyCounts(browser);
            topRowsShowTotals(browser);
            markupIsText(browser);
            saveFullPageScreenshot(browser);
            compareVersionsPickedOnThePage(browser);
        }
    }

    private static void chartShowsWeeklyCounts(WebDriverSession browser) throws Exception {
        JsonNode bars = browser.execute("return Array.from(document.querySelectorAll('#weekly-chart rect.bar'))"
            + ".map(r => [r.getAttribute('data-series'), r.getAttribute('data-week'), r.getAttribute('data-count'),"
            + " r.getBBox().height]);");
        Map<String, Map<LocalDate, Long>> shown = new TreeMap<>();
        double pixelsPerCrash = bars.get(0).get(3).asDouble() / bars.get(0).get(2).asLong();
        for (JsonNode bar : bars) {
            long count = bar.get(2).asLong();
            shown.computeIfAbsent(bar.get(0).asText(), k -> new TreeMap<>()).put(LocalDate.parse(bar.get(1).asText()), count);
            assertEquals(count * pixelsPerCrash, bar.get(3).asDouble(), 0.5, "bar height proportional to its count");
        }
        assertEquals(ViewFixture.weekly(), shown);
        List<Long> labels = new ArrayList<>();
        browser.execute("return Array.from(document.querySelectorAll('#weekly-chart text.count')).map(t => t.textContent);")
            .forEach(t -> labels.add(Long.parseLong(t.asText())));
        List<Long> expected = new ArrayList<>();
        ViewFixture.weekly().values().forEach(weeks -> expected.addAll(weeks.values()));
        labels.sort(null);
        expected.sort(null);
        assertEquals(expected, labels, "each bar's count is written above it");
        assertEquals(ViewFixture.allCrashes(), Long.parseLong(browser.text(browser.find("#total-crashes"))));
    }

    private static void topRowsShowTotals(WebDriverSession browser) throws Exception {
        JsonNode rows = browser.execute("return Array.from(document.querySelectorAll('#top-crashes tr.crash'))"
            + ".map(r => [r.querySelector('.stack-id').innerText, r.querySelector('.count').innerText]);");
        Map<String, Long> shown = new TreeMap<>();
        rows.forEach(r -> shown.put(r.get(0).asText(), Long.parseLong(r.get(1).asText())));
        Map<String, Long> expected = new TreeMap<>();
        ViewFixture.totals().forEach((name, n) -> expected.put(StackIds.of(name), n));
        assertEquals(expected, shown);
        assertEquals(StackIds.of(ViewFixture.NPE), rows.get(0).get(0).asText(), "the most frequent crash first");
    }

    private static void markupIsText(WebDriverSession browser) throws Exception {
        assertEquals(0, browser.execute("return document.querySelectorAll('script, img, i').length;").asInt(),
            "no element made from a counter or program name");
        String frames = browser.execute("return document.querySelector('#top-crashes tr[data-stack-id=\"'"
            + " + arguments[0] + '\"] pre.frames').textContent;", StackIds.of(ViewFixture.MARKUP)).asText();
        assertEquals(ViewFixture.MARKUP.substring(ViewFixture.MARKUP.indexOf('\n') + 1) + "\n", frames);
        String legend = browser.text(browser.find(".legend"));
        assertTrue(legend.contains(ViewFixture.MARKUP_PROGRAM + " 1.0"), legend);
    }

    private static void compareVersionsPickedOnThePage(WebDriverSession browser) throws Exception {
        browser.click(browser.find("select[name=program] option[value=shop]"));
        browser.click(browser.find("select[name=base] option[value='2.4.0-rc1']"));
        browser.click(browser.find("select[name=new] option[value='2.3.0']"));
        browser.click(browser.find("#compare-form button"));
        await("the compared page").atMost(Duration.ofSeconds(20))
            .until(() -> browser.execute("return location.search;").asText().contains("base=2.4.0-rc1"));
        JsonNode newIds = browser.execute("return Array.from(document.querySelectorAll('#compare-new tr.crash'))"
            + ".map(r => r.getAttribute('data-stack-id')).sort();");
        List<String> expected = new ArrayList<>(List.of(StackIds.of(ViewFixture.ISE), StackIds.of(ViewFixture.OOM_EXIT)));
        expected.sort(null);
        assertEquals(expected, List.of(newIds.get(0).asText(), newIds.get(1).asText()));
        assertEquals(2, newIds.size());
    }

    private static void saveFullPageScreenshot(WebDriverSession browser) throws Exception {
        int height = browser.execute("return document.documentElement.scrollHeight"
            + " + window.outerHeight - window.innerHeight;").asInt();
        browser.resizeWindow(1100, Math.min(height + 8, 4000));
        byte[] png = browser.screenshot();
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
        Files.write(SCREENSHOT, png);
    }
}
