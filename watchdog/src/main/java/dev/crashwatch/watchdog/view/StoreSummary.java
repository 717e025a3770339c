package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.triage.WeekTotal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The header's one-line description of the store: files, programs, versions, crashes, weeks, malformed inputs, and
 * the counter files skipped as unreadable (not counted above).
 */
final class StoreSummary {
    private StoreSummary() {
    }

    static String render(List<CounterFile> files, List<WeekTotal> totals, int programs, int versions,
                         int malformed, int unreadable) {
        long crashes = totals.stream().mapToLong(WeekTotal::crashes).sum();
        StringBuilder html = new StringBuilder("<p id=\"summary\">")
            .append(count(files.size(), "counter file")).append(" · ")
            .append(count(programs, "program")).append(" · ").append(count(versions, "version")).append(" · ")
            .append("<strong id=\"total-crashes\">").append(crashes).append("</strong>")
            .append(crashes == 1 ? " crash" : " crashes");
        Optional<LocalDate> first = files.stream().map(f -> f.key().weekStart()).min(Comparable::compareTo);
        Optional<LocalDate> last = files.stream().map(f -> f.key().weekStart()).max(Comparable::compareTo);
        if (first.isPresent()) {
            html.append(first.equals(last) ? " · week " + first.get() : " · weeks " + first.get() + " to " + last.get());
        }
        html.append(" · ").append(count(malformed, "malformed input")).append(" kept");
        if (unreadable > 0) { // as every CLI reader says on stderr
            html.append(" · <strong class=\"error\" id=\"unreadable\">").append(count(unreadable, "unreadable counter file"))
                .append(" skipped</strong> (<code>crashwatch status</code> lists them)");
        }
        return html.append("</p>\n").toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
