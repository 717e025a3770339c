package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.triage.RankedCrash;
import java.util.List;
import java.util.StringJoiner;

/**
 * The top crashes table: each crash's rank, stack ID, kind, count, weeks, versions and Java versions seen, the
 * programs that share it when there are several, and its frames.
 */
final class TopSection {
    /** Rows shown; {@code crashwatch top} lists them all. */
    static final int MAX_ROWS = 25;

    private TopSection() {
    }

    static String render(List<RankedCrash> ranked) {
        StringBuilder html = new StringBuilder("<section id=\"top\">\n<h2>Top crashes</h2>\n");
        if (ranked.isEmpty()) {
            return html.append("<p class=\"empty\">No crashes recorded yet.</p>\n</section>\n").toString();
        }
        html.append("<p class=\"note\">Ranked by count over every week and version")
            .append(ranked.size() > MAX_ROWS ? "; the first " + MAX_ROWS + " of " + ranked.size() : "")
            .append(". Cite a crash by its stack ID; <code>crashwatch top</code> prints the same list.</p>\n")
            .append("<table id=\"top-crashes\">\n<thead><tr><th>#</th><th>stack ID</th><th>kind</th>")
            .append("<th class=\"num\">count</th><th>weeks</th><th>versions</th><th>java</th><th>crash</th></tr></thead>\n")
            .append("<tbody>\n");
        for (int i = 0; i < Math.min(MAX_ROWS, ranked.size()); i++) {
            row(html, i + 1, ranked.get(i));
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** The versions, each kept on one line. */
    private static String versions(List<String> versions) {
        StringBuilder html = new StringBuilder();
        for (String v : versions) {
            html.append(html.length() == 0 ? "" : ", ").append("<span class=\"version\">").append(Html.escape(v))
                .append("</span>");
        }
        return html.toString();
    }

    private static void row(StringBuilder html, int rank, RankedCrash c) {
        html.append("<tr class=\"crash\" data-stack-id=\"").append(Html.escape(c.stackId())).append("\">")
            .append("<td class=\"rank\">").append(rank).append("</td>")
            .append("<td class=\"stack-id\"><code>").append(Html.escape(c.stackId())).append("</code></td>")
            .append("<td class=\"kind\">").append(Html.escape(c.kind().word())).append("</td>")
            .append("<td class=\"count num\">").append(c.count()).append("</td>")
            .append("<td class=\"weeks\">").append(c.firstWeek())
            .append(c.firstWeek().equals(c.lastWeek()) ? "" : "<br>to " + c.lastWeek()).append("</td>")
            .append("<td class=\"versions\">").append(versions(c.versions())).append("</td>")
            .append("<td class=\"java\">").append(versions(c.javaVersions())).append("</td>")
            .append("<td>").append(programs(c)).append(CounterHtml.render(c.name(), c.frames())).append("</td></tr>\n");
    }

    /** Where several programs share the stack, a line that names each with its count (else nothing). */
    private static String programs(RankedCrash c) {
        if (!c.inSeveralPrograms()) {
            return "";
        }
        StringJoiner each = new StringJoiner(", ");
        c.programs().forEach((p, n) -> each.add("<span class=\"program\">" + Html.escape(p) + "</span> " + n));
        return "<p class=\"programs\">in " + c.programs().size() + " programs, counted together: " + each + "</p>";
    }
}
