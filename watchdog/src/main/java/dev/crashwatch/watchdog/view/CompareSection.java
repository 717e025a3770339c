package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.triage.Comparison;
import dev.crashwatch.watchdog.triage.CrashChange;
import dev.crashwatch.watchdog.triage.NotInStoreException;
import dev.crashwatch.watchdog.triage.RateText;
import dev.crashwatch.watchdog.triage.TextViews;
import dev.crashwatch.watchdog.triage.Triage;
import java.util.List;
import java.util.Optional;

/**
 * The version comparison: a form (program, base version, new version; a plain GET, no script) and triage's
 * answer: crashes new in the new version, gone from it, and changed in rate. Without a choice on the page it
 * compares the two newest versions of one program ({@link #defaultProgram}).
 */
final class CompareSection {
    private CompareSection() {
    }

    static String render(Triage triage, QueryParams params) {
        Optional<String> program = params.has("program") ? params.get("program") : defaultProgram(triage);
        List<String> versions = triage.versions(program);
        StringBuilder html = new StringBuilder("<section id=\"compare\">\n<h2>Compare two versions</h2>\n");
        if (triage.programs().isEmpty()) {
            return html.append("<p class=\"empty\">No versions recorded yet.</p>\n</section>\n").toString();
        }
        Optional<String> base = params.get("base").or(() -> newest(versions, 2));
        Optional<String> next = params.get("new").or(() -> newest(versions, 1));
        form(html, triage, program, versions, base, next);
        try {
            triage.requireProgram(program);
            if (base.isPresent() && next.isPresent()) {
                results(html, triage.compare(program, base.get(), next.get()));
            } else {
                html.append("<p class=\"empty\">Pick two versions to compare.</p>\n");
            }
        } catch (NotInStoreException e) {
            html.append("<p class=\"error\" id=\"compare-error\">").append(Html.escape(e.getMessage())).append("</p>\n");
        }
        return html.append("</section>\n").toString();
    }

    /**
     * The program compared before one is picked: the only one, else the first (by name) that has two versions. Not
     * "all programs": their two newest versions may well be two programs' (one's 2.0 against another's 1.1).
     */
    private static Optional<String> defaultProgram(Triage triage) {
        List<String> programs = triage.programs();
        if (programs.size() == 1) {
            return Optional.of(programs.get(0));
        }
        return programs.stream().filter(p -> triage.versions(Optional.of(p)).size() >= 2).findFirst();
    }

    /** The {@code n}th newest version, if there are that many. */
    private static Optional<String> newest(List<String> versions, int n) {
        return versions.size() >= 2 ? Optional.of(versions.get(versions.size() - n)) : Optional.empty();
    }

    private static void form(StringBuilder html, Triage triage, Optional<String> program, List<String> versions,
                             Optional<String> base, Optional<String> next) {
        html.append("<form id=\"compare-form\" method=\"get\" action=\"/\">\n<label>program ")
            .append("<select name=\"program\"><option value=\"\">all programs</option>");
        options(html, triage.programs(), program);
        html.append("</select></label>\n<label>base <select name=\"base\">");
        options(html, versions, base);
        html.append("</select></label>\n<label>new <select name=\"new\">");
        options(html, versions, next);
        html.append("</select></label>\n<button type=\"submit\">Compare</button>\n</form>\n");
    }

    private static void options(StringBuilder html, List<String> values, Optional<String> selected) {
        for (String v : values) {
            String e = Html.escape(v);
            html.append("<option value=\"").append(e).append('"')
                .append(selected.filter(v::equals).isPresent() ? " selected" : "").append('>').append(e).append("</option>");
        }
    }

    private static void results(StringBuilder html, Comparison c) {
        Optional<String> program = c.program();
        String base = c.baseVersion();
        String next = c.newVersion();
        html.append("<div id=\"compare-results\">\n<p class=\"note\">")
            .append(Html.escape(program.map(p -> p + " ").orElse("All programs, ")))
            .append("<strong>").append(Html.escape(next)).append("</strong> against <strong>")
            .append(Html.escape(base)).append("</strong>; rates are ").append(Html.escape(c.basis()))
            .append(runs(c)).append(". ").append(c.unchanged().size()).append(" crash")
            .append(c.unchanged().size() == 1 ? "" : "es").append(" unchanged. Java: ").append(Html.escape(base))
            .append(" on ").append(Html.escape(String.join(", ", c.baseJavaVersions()))).append("; ")
            .append(Html.escape(next)).append(" on ").append(Html.escape(String.join(", ", c.newJavaVersions())))
            .append(".</p>\n");
        table(html, "compare-new", "New in " + next, "never seen in " + base, c.newCrashes(), c, base);
        table(html, "compare-changed", "Changed in rate", "biggest change first", c.changed(), c, "");
        table(html, "compare-gone", "Gone in " + next, "seen in " + base + " only", c.gone(), c, next);
        html.append("</div>\n");
    }

    private static String runs(Comparison c) {
        if (!c.perRun()) {
            return "";
        }
        return " (" + c.baseRuns().orElse(0L) + " and " + c.newRuns().orElse(0L) + " runs)";
    }

    private static void table(StringBuilder html, String id, String title, String note, List<CrashChange> rows,
                              Comparison c, String otherVersion) {
        html.append("<h3>").append(Html.escape(title)).append(" <span class=\"note\">(")
            .append(Html.escape(note)).append(")</span></h3>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\" id=\"").append(id).append("\">None.</p>\n");
            return;
        }
        html.append("<table class=\"changes\" id=\"").append(id).append("\">\n<thead><tr><th>stack ID</th><th>kind</th>")
            .append("<th class=\"num\">").append(Html.escape(c.baseVersion())).append("</th><th class=\"num\">")
            .append(Html.escape(c.newVersion())).append("</th><th>java</th><th>crash</th></tr></thead>\n<tbody>\n");
        for (CrashChange r : rows) {
            html.append("<tr class=\"crash\" data-stack-id=\"").append(Html.escape(r.stackId())).append("\">")
                .append("<td class=\"stack-id\"><code>").append(Html.escape(r.stackId())).append("</code></td>")
                .append("<td class=\"kind\">").append(Html.escape(r.kind().word())).append("</td>")
                .append("<td class=\"num base\">").append(amount(c, r.baseCount(), r.baseRate())).append("</td>")
                .append("<td class=\"num new\">").append(amount(c, r.newCount(), r.newRate())).append("</td>")
                .append("<td class=\"java\">").append(Html.escape(String.join(", ", r.javaVersions())))
                .append(r.javaGap() ? "<p class=\"java-gap\">" + Html.escape(TextViews.javaGap(r, otherVersion)) + "</p>"
                    : "").append("</td>")
                .append("<td>").append(CounterHtml.render(r.name(), r.frames())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** A count, with its rate per 1,000 runs when runs are known and it is not zero. */
    private static String amount(Comparison c, long count, double rate) {
        return c.perRun() && count > 0
            ? count + " <span class=\"rate\">(" + RateText.of(rate) + " per 1k runs)</span>"
            : Long.toString(count);
    }
}
