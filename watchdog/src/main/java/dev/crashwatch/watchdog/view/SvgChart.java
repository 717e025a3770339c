package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.counters.Counts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Draws crashes per week per program version as an inline SVG bar chart (one group of bars per week, one bar
 * per version that crashed that week, the same colour for a version throughout) with an HTML legend. Each bar carries its count in {@code data-count} and, when there is room,
 * as a label above it. The most recent {@value #MAX_WEEKS} weeks and the {@value #MAX_SERIES} versions with
 * the most crashes are drawn; the rest of the versions are added up as "other versions".
 */
public final class SvgChart {
    static final int MAX_WEEKS = 26;
    static final int MAX_SERIES = 8;
    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 52;
    private static final int RIGHT = 12;
    private static final int TOP = 18;
    private static final int BOTTOM = 40;
    private static final String[] COLORS = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b07aa1", "#9c755f", "#edc948", "#bab0ac"};

    private SvgChart() {
    }

    /** The chart (an SVG and its legend) for {@code counts}, or a short note when nothing is recorded. */
    public static String render(WeeklyCounts counts) {
        List<LocalDate> weeks = lastWeeks(counts.weeks());
        if (weeks.isEmpty()) {
            return "<p class=\"empty\">No crashes recorded yet.</p>\n";
        }
        List<Bars> bars = bars(counts.series());
        long max = 1;
        for (Bars b : bars) {
            for (LocalDate w : weeks) {
                max = Math.max(max, b.count(w));
            }
        }
        Axis axis = Axis.upTo(max);
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart\">\n<svg id=\"weekly-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"Crashes per week per version\">\n");
        yAxis(svg, axis);
        plotBars(svg, bars, weeks, axis);
        xAxis(svg, weeks);
        svg.append("</svg>\n");
        legend(svg, bars);
        return svg.append("</figure>\n").toString();
    }

    /** One version's bars (or "other versions"), with its colour. */
    private record Bars(String label, SortedMap<LocalDate, Long> perWeek, String color) {
        long count(LocalDate week) {
            return perWeek.getOrDefault(week, 0L);
        }
    }

    /** The y scale: its top value and the step between grid lines (1, 2 or 5 times a power of ten). */
    private record Axis(long top, long step) {
        static Axis upTo(long max) {
            long step = 1;
            while (max / step > 5) {
                step = next(step);
            }
            return new Axis((max + step - 1) / step * step, step);
        }

        private static long next(long step) {
            String digits = Long.toString(step);
            return digits.charAt(0) == '2' ? step / 2 * 5 : step * 2;
        }

        double y(long value) {
            return TOP + plotHeight() * (1 - (double) value / top);
        }
    }

    private static List<LocalDate> lastWeeks(List<LocalDate> weeks) {
        return weeks.subList(Math.max(0, weeks.size() - MAX_WEEKS), weeks.size());
    }

    /** The versions with the most crashes, in the counts' own order, then "other versions" if any are left. */
    private static List<Bars> bars(List<WeeklyCounts.Series> series) {
        List<WeeklyCounts.Series> ranked = new ArrayList<>(series);
        ranked.sort(Comparator.comparingLong(WeeklyCounts.Series::total).reversed());
        List<WeeklyCounts.Series> rest = ranked.subList(Math.min(MAX_SERIES, ranked.size()), ranked.size());
        List<Bars> bars = new ArrayList<>();
        for (WeeklyCounts.Series s : series) {
            if (!rest.contains(s)) {
                bars.add(new Bars(s.label(), s.perWeek(), COLORS[bars.size()]));
            }
        }
        if (!rest.isEmpty()) {
            SortedMap<LocalDate, Long> other = new TreeMap<>();
            rest.forEach(s -> s.perWeek().forEach((w, n) -> other.merge(w, n, Counts::add)));
            bars.add(new Bars("other versions", other, COLORS[MAX_SERIES]));
        }
        return bars;
    }

    private static void yAxis(StringBuilder svg, Axis axis) {
        for (long v = 0; v <= axis.top(); v += axis.step()) {
            String y = num(axis.y(v));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(num(axis.y(v) + 4))
                .append("\" text-anchor=\"end\">").append(v).append("</text>\n");
        }
    }

    /** Each week's bars side by side, centred in the week's slot; versions without crashes that week leave no gap. */
    private static void plotBars(StringBuilder svg, List<Bars> bars, List<LocalDate> weeks, Axis axis) {
        double group = plotWidth() / weeks.size();
        int most = 1;
        for (LocalDate week : weeks) {
            most = Math.max(most, (int) bars.stream().filter(b -> b.count(week) > 0).count());
        }
        double barWidth = Math.min(group * 0.8 / most, 72);
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate week = weeks.get(i);
            List<Bars> present = bars.stream().filter(b -> b.count(week) > 0).toList();
            double x = LEFT + i * group + (group - present.size() * barWidth) / 2;
            for (Bars b : present) {
                bar(svg, b, week, b.count(week), x, barWidth, axis);
                x += barWidth;
            }
        }
    }

    private static void bar(StringBuilder svg, Bars b, LocalDate week, long count, double x, double width, Axis axis) {
        double y = axis.y(count);
        String label = Html.escape(b.label());
        svg.append("<rect class=\"bar\" data-series=\"").append(label).append("\" data-week=\"").append(week)
            .append("\" data-count=\"").append(count).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
            .append("\" width=\"").append(num(Math.max(1, width - 1))).append("\" height=\"")
            .append(num(TOP + plotHeight() - y)).append("\" fill=\"").append(b.color()).append("\"><title>")
            .append(label).append(", week of ").append(week).append(": ").append(count)
            .append(count == 1 ? " crash" : " crashes").append("</title></rect>\n");
        if (width >= 14) {
            svg.append("<text class=\"count\" x=\"").append(num(x + width / 2)).append("\" y=\"").append(num(y - 4))
                .append("\" text-anchor=\"middle\">").append(count).append("</text>\n");
        }
    }

    private static void xAxis(StringBuilder svg, List<LocalDate> weeks) {
        double group = plotWidth() / weeks.size();
        int every = (int) Math.ceil(76 / group);
        double base = TOP + plotHeight();
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
            .append("\" y1=\"").append(num(base)).append("\" y2=\"").append(num(base)).append("\"/>\n");
        for (int i = 0; i < weeks.size(); i += every) {
            svg.append("<text class=\"week\" x=\"").append(num(LEFT + (i + 0.5) * group)).append("\" y=\"")
                .append(num(base + 16)).append("\" text-anchor=\"middle\">").append(weeks.get(i)).append("</text>\n");
        }
        svg.append("<text class=\"axis-title\" x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"")
            .append(HEIGHT - 4).append("\" text-anchor=\"middle\">week starting (Monday, UTC)</text>\n");
    }

    private static void legend(StringBuilder html, List<Bars> bars) {
        html.append("<figcaption><ul class=\"legend\">\n");
        for (Bars b : bars) {
            html.append("<li><span class=\"swatch\" style=\"background:").append(b.color()).append("\"></span>")
                .append(Html.escape(b.label())).append("</li>\n");
        }
        html.append("</ul></figcaption>\n");
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
