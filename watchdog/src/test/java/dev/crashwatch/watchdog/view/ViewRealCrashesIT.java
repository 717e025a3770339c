package dev.crashwatch.watchdog.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.RequiredTool;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes: sample programs really crash under {@code crashwatch run} (two versions), then
 * {@code crashwatch view} serves that store and headless Chromium reads the counts off the page.
 */
class ViewRealCrashesIT {
    @TempDir
    Path dir;

    @TempDir
    Path profile;

    @Test
    void a_store_built_by_real_crashes_shows_their_counts_in_the_browser() throws Exception {
        RequiredTool.require(ChromeDriverProcess.installed(),
            "chromium and chromium-driver are not installed (.ci/setup installs them when run as root)");
        Path store = dir.resolve("store");
        crash(store, "1.0", "npe", 1);
        crash(store, "1.0", "npe", 1);
        crash(store, "1.0", "nested", 1);
        crash(store, "2.0", "npe", 1);
        crash(store, "2.0", "worker", 0);
        Map<String, Long> totals = await("five crashes counted").atMost(Duration.ofSeconds(20))
            .until(() -> crashTotals(Store.at(store)), t -> t.values().stream().mapToLong(Long::longValue).sum() == 5);
        assertEquals(3, totals.size(), "npe, nested and worker: " + totals);

        try (ViewProcess view = ViewProcess.start(store, List.of("--port", "0"), System.getenv("PATH"), dir);
             ChromeDriverProcess driver = ChromeDriverProcess.start(dir.resolve("chromedriver.log"));
             WebDriverSession browser = WebDriverSession.open(driver, profile)) {
            browser.navigate(view.uri());
            Map<String, Long> rows = new TreeMap<>();
            browser.execute("return Array.from(document.querySelectorAll('#top-crashes tr.crash'))"
                    + ".map(r => [r.getAttribute('data-stack-id'), r.querySelector('.count').innerText]);")
                .forEach(r -> rows.put(r.get(0).asText(), Long.parseLong(r.get(1).asText())));
            Map<String, Long> expected = new TreeMap<>();
            totals.forEach((name, n) -> expected.put(StackIds.of(name), n));
            assertEquals(expected, rows);

            Map<String, Long> perVersion = new TreeMap<>();
            browser.execute("return Array.from(document.querySelectorAll('#weekly-chart rect.bar'))"
                    + ".map(r => [r.getAttribute('data-series'), r.getAttribute('data-count')]);")
                .forEach(b -> perVersion.merge(b.get(0).asText(), Long.parseLong(b.get(1).asText()), Long::sum));
            assertEquals(Map.of("shop 1.0", 3L, "shop 2.0", 2L), perVersion);

            assertEquals(List.of(StackIds.of(only(totals, "samples.Crash.worker"))), ids(browser, "#compare-new"));
            assertEquals(List.of(StackIds.of(only(totals, "samples.Crash.nested"))), ids(browser, "#compare-gone"));
            Files.write(Path.of("target", "view-real-crashes.png"), browser.screenshot());
        }
    }

    /** {@code crashwatch run --program shop --version V -- java -cp samples.jar Crash KIND}, to its end. */
    private static void crash(Path store, String version, String kind, int status) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", TestJars.watchdog().toString(), "run",
            "--program", "shop", "--version", version, "--", java.toString(), "-cp", TestJars.samples().toString(),
            "dev.crashwatch.samples.Crash", kind).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), kind + " ended");
        assertEquals(status, p.exitValue(), kind + "'s exit status, passed through");
    }

    private static Map<String, Long> crashTotals(Store store) throws Exception {
        Map<String, Long> totals = new TreeMap<>();
        for (CounterFile f : store.counterFiles()) {
            f.counters().forEach((name, n) -> {
                if (name.startsWith("crash/")) {
                    totals.merge(name, n, Long::sum);
                }
            });
        }
        return totals;
    }

    /** The one counter name containing {@code frame}. */
    private static String only(Map<String, Long> totals, String frame) {
        List<String> names = totals.keySet().stream().filter(n -> n.contains(frame)).toList();
        assertEquals(1, names.size(), frame + " in " + totals.keySet());
        return names.get(0);
    }

    private static List<String> ids(WebDriverSession browser, String table) throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode rows = browser.execute("return Array.from(document.querySelectorAll(arguments[0] + ' tr.crash'))"
            + ".map(r => r.getAttribute('data-stack-id'));", table);
        rows.forEach(r -> ids.add(r.asText()));
        return ids;
    }
}
