package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.signature.CounterNames;
import java.util.List;

/** A crash counter shown to people: its prefix ({@code crash/crash}, ...) over its decoded frames, one per line. */
final class CounterHtml {
    private CounterHtml() {
    }

    /** HTML for the counter {@code name} whose lines after the prefix are {@code frames} (empty: a plain counter). */
    static String render(String name, List<String> frames) {
        StringBuilder html = new StringBuilder("<div class=\"counter\">")
            .append(Html.escape(CounterNames.prefix(name))).append("</div>");
        if (!frames.isEmpty()) {
            html.append("<pre class=\"frames\">");
            for (String frame : frames) {
                html.append(breakable(Html.escape(frame))).append('\n');
            }
            html.append("</pre>");
        }
        return html.toString();
    }

    /** Lets a long frame wrap after a dot ({@code <wbr>}) rather than in the middle of a name; its text is unchanged. */
    private static String breakable(String escapedFrame) {
        return escapedFrame.replace(".", ".<wbr>");
    }
}
