package dev.crashwatch.watchdog.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.triage.WeekTotal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void weeks_without_crashes_keep_their_place_on_the_axis() {
        WeeklyCounts counts = WeeklyCounts.of(List.of(
            new WeekTotal("app", "1.0", MONDAY, 2), new WeekTotal("app", "1.0", MONDAY.plusWeeks(3), 5)), List.of("1.0"));
        assertEquals(List.of(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2), MONDAY.plusWeeks(3)), counts.weeks());
        String svg = SvgChart.render(counts);
        assertEquals(List.of("2", "5"), all(svg, "data-count=\"(\\d+)\""));
        assertEquals(List.of("2", "5"), all(svg, "<text class=\"count\"[^>]*>(\\d+)</text>"), "labels above bars");
    }

    @Test
    void versions_beyond_the_eighth_most_crashing_are_summed_as_other_versions() {
        List<WeekTotal> totals = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (int v = 1; v <= SvgChart.MAX_SERIES + 2; v++) {
            versions.add("1." + v);
            totals.add(new WeekTotal("app", "1." + v, MONDAY, 100 + v));
        }
        String svg = SvgChart.render(WeeklyCounts.of(totals, versions));
        List<String> series = all(svg, "data-series=\"([^\"]+)\"");
        assertEquals(SvgChart.MAX_SERIES + 1, series.size(), series.toString());
        assertEquals("other versions", series.get(series.size() - 1));
        assertTrue(svg.contains("data-series=\"other versions\" data-week=\"2026-11-02\" data-count=\"203\""),
            "1.1 (101) and 1.2 (102) crash least: " + svg);
        assertEquals(versions.subList(2, versions.size()).stream().map(v -> "app " + v).toList(),
            series.subList(0, SvgChart.MAX_SERIES), "in version order");
    }

    @Test
    void the_y_axis_ends_on_a_round_number_above_the_highest_bar() {
        String svg = SvgChart.render(WeeklyCounts.of(List.of(new WeekTotal("app", "1.0", MONDAY, 37)), List.of("1.0")));
        assertEquals(List.of("0", "10", "20", "30", "40"), all(svg, "<text class=\"tick\"[^>]*>(\\d+)</text>"));
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
