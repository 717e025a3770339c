package dev.crashwatch.fleet.upload;

import dev.crashwatch.fleet.config.FilteredReport;
import dev.crashwatch.fleet.config.ReportFilter;
import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.watchdog.signature.NameGrammar;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.weekly.Exporter;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the one report of a week that may leave the machine: the week's report as {@code crashwatch export} makes
 * it, under the ID the store keeps for the week ({@link Exporter#export}: an upload and a local export of one week are
 * one report, counted once wherever both arrive), cut down by the collector's upload config ({@link ReportFilter}),
 * each entry kept only if the report's ID falls in its program's sample, and every counter name that fails the
 * privacy grammar ({@link NameGrammar}) left out and counted. The sampling is decided here once, by that ID.
 */
final class ReportMaker {
    /**
     * The report to send, or to keep unsent when {@code skipReason} is set.
     *
     * @param refusedNames counter names the privacy check left out
     */
    record Made(Report report, String skipReason, int refusedNames) {
    }

    private ReportMaker() {
    }

    static Made make(Store store, LocalDate week, UploadConfig config) throws IOException {
        Report full = Exporter.export(store, week);
        FilteredReport filtered = ReportFilter.apply(config, full);
        List<ReportEntry> sampled = new ArrayList<>();
        for (ReportEntry e : filtered.kept().entries()) {
            if (config.sampled(e.program(), full.id())) {
                sampled.add(e);
            }
        }
        int refused = 0;
        List<ReportEntry> kept = new ArrayList<>();
        for (ReportEntry e : sampled) {
            Map<String, Long> counters = new LinkedHashMap<>();
            for (Map.Entry<String, Long> c : e.counters().entrySet()) {
                if (NameGrammar.isCrashCounterName(c.getKey())) {
                    counters.put(c.getKey(), c.getValue());
                } else {
                    refused++;
                }
            }
            if (!counters.isEmpty()) {
                kept.add(new ReportEntry(e.program(), e.version(), e.javaVersion(), e.os(), e.arch(), counters));
            }
        }
        Report report = new Report(full.id(), week, kept);
        return new Made(report, kept.isEmpty() ? whyEmpty(filtered, sampled, refused) : null, refused);
    }

    private static String whyEmpty(FilteredReport filtered, List<ReportEntry> sampled, int refused) {
        if (filtered.kept().entries().stream().allMatch(e -> e.counters().isEmpty())) {
            return "nothing in this week that the collector's upload config allows";
        }
        if (sampled.isEmpty()) {
            return "sampled out: the report's ID is outside the sample rate of every program in it";
        }
        return "every counter name (" + refused + ") failed the privacy check";
    }
}
