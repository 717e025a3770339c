package dev.crashwatch.watchdog.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.watchdog.cli.Main;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's bad input "a report with a counter name that contains markup": a tester's report, merged with
 * {@code crashwatch import}, shows its markup as text on the view.
 */
class ImportedReportViewTest {
    @TempDir
    Path dir;

    @Test
    void a_markup_counter_name_from_an_imported_report_is_text_on_the_page() throws Exception {
        Map<String, Object> entry = Map.of("program", "app<b>", "version", "1.0\"><svg onload=alert(5)>",
            "javaVersion", "17.0.15", "os", "linux", "arch", "amd64", "counters", Map.of(ViewFixture.MARKUP, 4));
        Path report = dir.resolve("report.json");
        new ObjectMapper().writeValue(report.toFile(), Map.of("format", "crashwatch-report/v1",
            "id", "0123456789abcdef0123456789abcdef", "week", ViewFixture.W3.toString(), "entries", List.of(entry)));
        Path store = Files.createDirectories(dir.resolve("store"));
        assertEquals(0, importInto(store, report), "import succeeded");

        String html = new ViewPage(Store.at(store)).render(QueryParams.parse(null));
        String lower = html.toLowerCase();
        assertFalse(lower.contains("<script") || lower.contains("<img") || lower.contains("<b>"), html);
        assertEquals(1, lower.split("<svg", -1).length - 1, "only the chart's own svg element");
        assertTrue(html.contains("data-stack-id=\"" + StackIds.of(ViewFixture.MARKUP) + "\""), html);
        assertTrue(html.contains("<td class=\"count num\">4</td>"), html);
        assertTrue(html.contains("app&lt;b&gt; 1.0&quot;&gt;&lt;svg onload=alert(5)&gt;"), "the legend, escaped");
    }

    private static int importInto(Path store, Path report) {
        String before = System.getProperty("crashwatch.dir");
        System.setProperty("crashwatch.dir", store.toString());
        try {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            return Main.execute(new String[] {"import", report.toString()},
                new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8));
        } finally {
            if (before == null) {
                System.clearProperty("crashwatch.dir");
            } else {
                System.setProperty("crashwatch.dir", before);
            }
        }
    }
}
