package dev.crashwatch.fleet.view;

import dev.crashwatch.fleet.query.CrashDelta;
import dev.crashwatch.fleet.query.FleetCrash;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetWords;
import dev.crashwatch.fleet.query.NewCrashes;
import dev.crashwatch.fleet.query.Regression;
import dev.crashwatch.fleet.query.TrendRow;
import dev.crashwatch.fleet.query.VersionCompare;
import dev.crashwatch.fleet.query.VersionComparison;
import dev.crashwatch.fleet.query.VersionCrash;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.watchdog.view.CounterHtml;
import dev.crashwatch.watchdog.view.Html;
import dev.crashwatch.watchdog.view.QueryParams;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The fleet page's sections, each a piece of HTML from one query's answer. */
final class Sections {
    static final int MAX_ROWS = 25;
    static final int TREND_WEEKS = 12;

    private Sections() {
    }

    static String summary(FleetInput input, List<TrendRow> trend) {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        trend.forEach(t -> weeks.add(t.week()));
        long crashes = trend.stream().mapToLong(TrendRow::crashes).sum();
        StringBuilder html = new StringBuilder("<p id=\"summary\">")
            .append("<span id=\"total-crashes\">").append(crashes).append("</span> crashes in ")
            .append(weeks.size()).append(weeks.size() == 1 ? " week" : " weeks")
            .append(weeks.isEmpty() ? "" : " (" + weeks.first() + " to " + weeks.last() + ")")
            .append("; ").append(input.compactedDays().size())
            .append(input.compactedDays().size() == 1 ? " received day compacted, " : " received days compacted, ")
            .append(input.rawDays().size()).append(" read raw.</p>\n");
        if (!input.skipped().isEmpty()) {
            html.append("<p class=\"error\" id=\"skipped-files\">").append(Html.escape(input.skippedNote().orElseThrow()))
                .append("</p>\n");
        }
        return html.toString();
    }

    /** The last weeks of the trend as a table: machines reporting, machines crashing, crashes. */
    static String trend(List<TrendRow> trend) {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        trend.forEach(t -> weeks.add(t.week()));
        LocalDate from = weeks.isEmpty() ? LocalDate.MIN : weeks.descendingSet().stream().skip(TREND_WEEKS - 1L)
            .findFirst().orElse(weeks.first());
        StringBuilder html = new StringBuilder("<h3>Machines per week</h3>\n<p class=\"note\">A report is one machine's week,"
            + " so within a week machines are reports; the last " + TREND_WEEKS + " weeks. <code>crashwatch fleet trend</code> prints them"
            + " all.</p>\n<table id=\"trend\">\n<thead><tr><th>week</th><th>program</th><th>version</th>"
            + "<th class=\"num\">machines</th><th class=\"num\">with a crash</th><th class=\"num\">crashes</th></tr></thead>\n<tbody>\n");
        for (TrendRow t : trend) {
            if (!t.week().isBefore(from)) {
                html.append("<tr class=\"week\"><td>").append(t.week()).append("</td><td>").append(Html.escape(t.program()))
                    .append("</td><td class=\"version\">").append(Html.escape(t.version())).append("</td><td class=\"machines num\">")
                    .append(t.machines()).append("</td><td class=\"crashing num\">").append(t.crashingMachines())
                    .append("</td><td class=\"count num\">").append(t.crashes()).append("</td></tr>\n");
            }
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** The "new in this version" panel: a version picked on the page, by default the newest of the busiest program. */
    static String newIn(VersionTable table, QueryParams params) {
        StringBuilder html = new StringBuilder("<section id=\"new-in\">\n<h2>New in this version</h2>\n");
        if (table.programs().isEmpty()) {
            return html.append("<p class=\"empty\">No reports yet.</p>\n</section>\n").toString();
        }
        String program = params.get("new-program").filter(table.programs()::contains).orElse(table.busiestProgram().orElseThrow());
        List<String> versions = table.versions(program);
        Optional<String> version = params.get("new-version").or(() -> versions.isEmpty() ? Optional.empty()
            : Optional.of(versions.get(versions.size() - 1)));
        html.append("<form method=\"get\" action=\"/\">").append(select("new-program", "program", table.programs(), program))
            .append(select("new-version", "version", versions, version.orElse(""))).append("<button>Show</button></form>\n");
        if (version.isEmpty()) {
            return html.append("</section>\n").toString();
        }
        if (table.reporting(program, version.get()) == 0) {
            return html.append(noReport(program, version.get())).append("</section>\n").toString();
        }
        List<VersionCrash> found = NewCrashes.in(table, version.get()).stream()
            .filter(c -> c.program().equals(program)).toList();
        html.append("<p class=\"note\">Crashes in ").append(Html.escape(program + " " + version.get()))
            .append(" (").append(FleetWords.count(table.reporting(program, version.get()), FleetWords.MACHINE_WEEK))
            .append(" reporting) that no earlier version had.</p>\n");
        if (found.isEmpty()) {
            return html.append("<p class=\"empty\" id=\"no-new-crashes\">Nothing new in this version.</p>\n</section>\n").toString();
        }
        html.append("<table id=\"new-crashes\">\n<thead><tr><th>stack ID</th><th>kind</th><th class=\"num\">machine-weeks</th>")
            .append("<th class=\"num\">crashes</th><th>first week</th><th>crash</th></tr></thead>\n<tbody>\n");
        for (VersionCrash c : found.subList(0, Math.min(MAX_ROWS, found.size()))) {
            html.append("<tr class=\"crash\">").append(stackId(c.stackId())).append("<td class=\"kind\">")
                .append(c.kind().word()).append("</td><td class=\"machines num\">").append(c.machines())
                .append("</td><td class=\"count num\">").append(c.count()).append("</td><td>").append(c.firstWeek())
                .append("</td><td>").append(CounterHtml.render(c.name(), c.frames())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    static String top(List<FleetCrash> top) {
        StringBuilder html = new StringBuilder("<section id=\"top\">\n<h2>Top crashes</h2>\n");
        if (top.isEmpty()) {
            return html.append("<p class=\"empty\">No crashes reported.</p>\n</section>\n").toString();
        }
        html.append("<p class=\"note\">Ranked by machine-weeks hit (a machine counts once per week it reported), then crashes")
            .append(top.size() > MAX_ROWS ? "; the first " + MAX_ROWS + " of " + top.size() : "")
            .append(". <code>crashwatch fleet top</code> prints the same list.</p>\n")
            .append("<table id=\"top-crashes\">\n<thead><tr><th>#</th><th>stack ID</th><th>kind</th><th class=\"num\">machine-weeks</th>")
            .append("<th class=\"num\">crashes</th><th>first seen</th><th>crash</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < Math.min(MAX_ROWS, top.size()); i++) {
            FleetCrash c = top.get(i);
            html.append("<tr class=\"crash\"><td>").append(i + 1).append("</td>").append(stackId(c.stackId()))
                .append("<td class=\"kind\">").append(c.kind().word()).append("</td><td class=\"machines num\">")
                .append(c.machines()).append("</td><td class=\"count num\">").append(c.count())
                .append("</td><td class=\"first\">").append(c.firstWeek()).append("<br><span class=\"first-version version\">")
                .append(Html.escape(c.firstVersion())).append("</span></td><td>").append(CounterHtml.render(c.name(), c.frames()))
                .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    static String regressions(List<Regression> regressions) {
        StringBuilder html = new StringBuilder("<section id=\"regressions\">\n<h2>Regressions</h2>\n<p class=\"note\">")
            .append("Crashes marked fixed (<code>crashwatch fleet fixed STACKID --in V</code>) and seen again in V or later;")
            .append(" versions before the fix never count.</p>\n");
        if (regressions.isEmpty()) {
            return html.append("<p class=\"empty\">No regressions.</p>\n</section>\n").toString();
        }
        html.append("<table id=\"regression-list\">\n<thead><tr><th>stack ID</th><th>fixed in</th><th>back in</th>")
            .append("<th class=\"num\">crashes</th><th>since</th><th>crash</th></tr></thead>\n<tbody>\n");
        for (Regression r : regressions) {
            StringBuilder back = new StringBuilder();
            r.since().forEach(c -> back.append(back.length() == 0 ? "" : ", ").append(Html.escape(c.version())));
            html.append("<tr class=\"crash\">").append(stackId(r.mark().stackId())).append("<td class=\"version\">")
                .append(Html.escape(r.program() + " " + r.mark().fixedIn())).append("</td><td class=\"back\">").append(back)
                .append("</td><td class=\"count num\">").append(r.countSince()).append("</td><td>").append(r.firstWeekSince())
                .append("</td><td>").append(CounterHtml.render(r.name(), r.frames())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** A form (program, base, new; by default the program's two newest versions) and the comparison. */
    static String compare(VersionTable table, QueryParams params) {
        StringBuilder html = new StringBuilder("<section id=\"compare\">\n<h2>Compare two versions</h2>\n");
        if (table.programs().isEmpty()) {
            return html.append("<p class=\"empty\">No reports yet.</p>\n</section>\n").toString();
        }
        String program = params.get("program").filter(table.programs()::contains).orElse(table.busiestProgram().orElseThrow());
        List<String> versions = table.versions(program);
        if (versions.size() < 2 && params.get("base").isEmpty()) {
            return html.append("<p class=\"empty\">Only one version of ").append(Html.escape(program))
                .append(" reported.</p>\n</section>\n").toString();
        }
        String base = params.get("base").orElse(versions.get(Math.max(0, versions.size() - 2)));
        String next = params.get("new").orElse(versions.get(versions.size() - 1));
        html.append("<form method=\"get\" action=\"/\">").append(select("program", "program", table.programs(), program))
            .append(select("base", "base", versions, base)).append(select("new", "new", versions, next))
            .append("<button>Compare</button></form>\n");
        for (String version : List.of(base, next)) {
            if (table.reporting(program, version) == 0) {
                return html.append(noReport(program, version)).append("</section>\n").toString();
            }
        }
        VersionComparison c = VersionCompare.compare(table, program, base, next);
        html.append("<p class=\"note\">Crashes per machine-week reporting the version: ").append(Html.escape(base))
            .append(" on ").append(FleetWords.count(c.baseMachines(), FleetWords.MACHINE_WEEK)).append(", ")
            .append(Html.escape(next)).append(" on ").append(FleetWords.count(c.newMachines(), FleetWords.MACHINE_WEEK))
            .append(".</p>\n");
        changes(html, "compare-new", "New in " + next, c.newCrashes());
        changes(html, "compare-gone", "Gone since " + base, c.gone());
        changes(html, "compare-more", "More frequent", c.more());
        changes(html, "compare-fewer", "Less frequent", c.fewer());
        return html.append("<p class=\"note\">Unchanged: ").append(c.same().size()).append("</p>\n</section>\n").toString();
    }

    private static void changes(StringBuilder html, String id, String title, List<CrashDelta> deltas) {
        html.append("<h3>").append(Html.escape(title)).append(" (").append(deltas.size()).append(")</h3>\n");
        if (deltas.isEmpty()) {
            return;
        }
        html.append("<table class=\"changes\" id=\"").append(id).append("\">\n<thead><tr><th>stack ID</th><th>kind</th>")
            .append("<th class=\"num\">before</th><th class=\"num\">after</th><th>crash</th></tr></thead>\n<tbody>\n");
        for (CrashDelta d : deltas) {
            html.append("<tr class=\"crash\">").append(stackId(d.stackId())).append("<td class=\"kind\">").append(d.kind().word())
                .append("</td><td class=\"num\">").append(rate(d.baseRate())).append("<br><span class=\"rate\">")
                .append(d.baseCount()).append(" on ").append(d.baseMachines()).append("</span></td><td class=\"num\">")
                .append(rate(d.newRate())).append("<br><span class=\"rate\">").append(d.newCount()).append(" on ")
                .append(d.newMachines()).append("</span></td><td>").append(CounterHtml.render(d.name(), d.frames()))
                .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** A version picked in the address that no report has: said, as the CLI says it, rather than compared with nothing. */
    private static String noReport(String program, String version) {
        return "<p class=\"error\" id=\"no-report\">No report of " + Html.escape(program + " " + version) + ".</p>\n";
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }

    private static String stackId(String id) {
        return "<td class=\"stack-id\"><code>" + Html.escape(id) + "</code></td>";
    }

    private static String select(String name, String label, List<String> values, String chosen) {
        StringBuilder html = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name).append("\">");
        for (String v : values) {
            html.append("<option").append(v.equals(chosen) ? " selected" : "").append(" value=\"").append(Html.escape(v))
                .append("\">").append(Html.escape(v)).append("</option>");
        }
        return html.append("</select></label> ").toString();
    }
}
