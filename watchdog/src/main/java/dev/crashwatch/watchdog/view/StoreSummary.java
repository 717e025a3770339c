package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.CounterFile;
import dev.crashwatch.watchdog.triage.WeekTotal;
import java.util.List;

/** The header's one-line description of the store: files, programs, versions, crashes, weeks, malformed inputs. */
final class StoreSummary {
    private StoreSummary() {
    }

    static String render(List<CounterFile> files, List<WeekTotal> totals, int programs, int versions,
                         int malformed) {
        long crashes = totals.stream().mapToLong(WeekTotal::crashes).sum();
        StringBuilder html = new StringBuilder("<p id=\"summary\">")
            .append(count(files.size(), "counter file")).append(" · ")
            .append(count(programs, "program")).append(" · ").append(count(versions, "version")).append(" · ")
            .append("<strong id=\"total-crashes\">").append(crashes).append("</strong>")
            .append(crashes == 1 ? " crash" : " crashes");
        files.stream().map(f -> f.key().weekStart()).min(Comparable::compareTo).ifPresent(first -> html
            .append(" · weeks ").append(first).append(" to ")
            .append(files.stream().map(f -> f.key().weekStart()).max(Comparable::compareTo).orElseThrow()));
        return html.append(" · ").append(count(malformed, "malformed input")).append(" kept</p>\n").toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
