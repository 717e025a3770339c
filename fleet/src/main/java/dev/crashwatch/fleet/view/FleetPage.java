package dev.crashwatch.fleet.view;

import dev.crashwatch.fleet.query.FixedCrashes;
import dev.crashwatch.fleet.query.FleetCrash;
import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.Regression;
import dev.crashwatch.fleet.query.Regressions;
import dev.crashwatch.fleet.query.TopCrashes;
import dev.crashwatch.fleet.query.Trend;
import dev.crashwatch.fleet.query.TrendRow;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.watchdog.triage.VersionOrder;
import dev.crashwatch.watchdog.triage.WeekTotal;
import dev.crashwatch.watchdog.view.Html;
import dev.crashwatch.watchdog.view.QueryParams;
import dev.crashwatch.watchdog.view.SvgChart;
import dev.crashwatch.watchdog.view.ViewPage;
import dev.crashwatch.watchdog.view.ViewSource;
import dev.crashwatch.watchdog.view.WeeklyCounts;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole fleet page, read afresh for each request: a summary, the weekly trend chart and table, the "new in this
 * version" panel (a version picked on the page, by default the newest), the top crashes, the regressions and a
 * comparison of two versions. Every string goes through {@link Html#escape}.
 */
public final class FleetPage implements ViewSource {
    static final String TITLE = "crashwatch fleet";
    private final FleetLayout layout;

    public FleetPage(FleetLayout layout) {
        this.layout = layout;
    }

    @Override
    public String render(QueryParams params) throws IOException {
        FleetInput input = FleetInput.scan(layout);
        try (FleetDb db = FleetDb.open(input)) {
            List<TrendRow> trend = Trend.weekly(db, Optional.empty());
            VersionTable table = VersionTable.load(db, Optional.empty());
            List<FleetCrash> top = TopCrashes.rank(db, TopCrashes.Filter.ALL);
            List<Regression> regressions = Regressions.find(table, FixedCrashes.read(layout));
            StringBuilder html = new StringBuilder(32_768);
            ViewPage.head(html, TITLE);
            html.append("<header>\n<h1>crashwatch fleet</h1>\n<p class=\"store\">Reports <code>")
                .append(Html.escape(layout.root().toString())).append("</code></p>\n")
                .append(Sections.summary(input, trend)).append("</header>\n<main>\n")
                .append("<section id=\"weekly\">\n<h2>Crashes per week</h2>\n")
                .append(SvgChart.render(WeeklyCounts.of(weekTotals(trend), versions(table)))).append(Sections.trend(trend))
                .append("</section>\n")
                .append(Sections.newIn(table, params))
                .append(Sections.top(top))
                .append(Sections.regressions(regressions))
                .append(Sections.compare(table, params));
            return html.append("</main>\n</body>\n</html>\n").toString();
        } catch (SQLException e) {
            throw new IOException("query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String error(Exception e) {
        StringBuilder html = new StringBuilder();
        ViewPage.head(html, TITLE);
        return html.append("<header><h1>crashwatch fleet</h1></header>\n<main><p class=\"error\">Could not read the reports: ")
            .append(Html.escape(String.valueOf(e.getMessage()))).append("</p></main>\n</body>\n</html>\n").toString();
    }

    private static List<WeekTotal> weekTotals(List<TrendRow> trend) {
        return trend.stream().map(t -> new WeekTotal(t.program(), t.version(), t.week(), t.crashes())).toList();
    }

    private static List<String> versions(VersionTable table) {
        TreeSet<String> all = new TreeSet<>(VersionOrder.INSTANCE);
        table.programs().forEach(p -> all.addAll(table.versions(p)));
        return List.copyOf(all);
    }
}
