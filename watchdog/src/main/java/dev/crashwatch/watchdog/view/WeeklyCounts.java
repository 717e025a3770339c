package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.triage.WeekTotal;
import dev.crashwatch.watchdog.store.counters.Counts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Triage's weekly crash totals reshaped for the chart: one series per program version, each a map from week
 * to crashes, plus the continuous run of weeks the chart's axis spans.
 */
public final class WeeklyCounts {
    private final List<Series> series;

    private WeeklyCounts(List<Series> series) {
        this.series = series;
    }

    /** One program version's bars: its crash count per week (weeks without crashes are absent). */
    public record Series(String program, String version, SortedMap<LocalDate, Long> perWeek) {
        /** All crashes of this version over every week. */
        public long total() {
            return perWeek.values().stream().mapToLong(Long::longValue).sum();
        }

        /** How the legend names it. */
        public String label() {
            return program + " " + version;
        }
    }

    /**
     * Groups {@code totals} by program and version.
     *
     * @param versionOrder every version, oldest first (as triage orders them); series follow it within a program
     */
    public static WeeklyCounts of(List<WeekTotal> totals, List<String> versionOrder) {
        Map<List<String>, SortedMap<LocalDate, Long>> byVersion = new LinkedHashMap<>();
        for (WeekTotal t : totals) {
            if (t.crashes() > 0) {
                byVersion.computeIfAbsent(List.of(t.program(), t.version()), k -> new TreeMap<>())
                    .merge(t.weekStart(), t.crashes(), Counts::add);
            }
        }
        List<Series> series = new ArrayList<>();
        byVersion.forEach((id, perWeek) -> series.add(new Series(id.get(0), id.get(1), perWeek)));
        series.sort(Comparator.comparing(Series::program)
            .thenComparingInt(s -> versionOrder.indexOf(s.version())).thenComparing(Series::version));
        return new WeeklyCounts(List.copyOf(series));
    }

    public List<Series> series() {
        return series;
    }

    /** Every week from the first to the last one with crashes, gaps included; empty when there are none. */
    public List<LocalDate> weeks() {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        series.forEach(s -> weeks.addAll(s.perWeek().keySet()));
        if (!weeks.isEmpty()) {
            for (LocalDate w = weeks.first(); w.isBefore(weeks.last()); w = w.plusWeeks(1)) {
                weeks.add(w);
            }
        }
        return List.copyOf(weeks);
    }
}
