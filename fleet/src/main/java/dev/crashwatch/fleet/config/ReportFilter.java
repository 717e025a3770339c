package dev.crashwatch.fleet.config;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a report down to what an {@link UploadConfig} allows, the one rule for the client (before sending) and the
 * collector (before storing): an entry whose program or version the config does not allow goes whole; a counter
 * whose prefix it does not allow goes; a stack counter deeper than the configured depth is cut to it, and counters
 * that become equal by the cut are added up. Nothing else changes: the ID, the week and the entries' keys stay.
 */
public final class ReportFilter {
    private ReportFilter() {
    }

    public static FilteredReport apply(UploadConfig config, Report report) {
        List<ReportEntry> kept = new ArrayList<>();
        List<DroppedPart> dropped = new ArrayList<>();
        for (ReportEntry e : report.entries()) {
            if (!config.allowsProgram(e.program())) {
                dropped.add(new DroppedPart(e.program(), e.version(), null, DroppedPart.PROGRAM));
            } else if (!config.allowsVersion(e.program(), e.version())) {
                dropped.add(new DroppedPart(e.program(), e.version(), null, DroppedPart.VERSION));
            } else {
                kept.add(counters(config, e, dropped));
            }
        }
        return new FilteredReport(new Report(report.id(), report.week(), kept), dropped);
    }

    private static ReportEntry counters(UploadConfig config, ReportEntry e, List<DroppedPart> dropped) {
        Map<String, Long> counts = new LinkedHashMap<>();
        e.counters().forEach((name, count) -> {
            if (!config.allowsCounter(name)) {
                dropped.add(new DroppedPart(e.program(), e.version(), name, DroppedPart.PREFIX));
                return;
            }
            String cut = config.truncate(name);
            if (!cut.equals(name)) {
                dropped.add(new DroppedPart(e.program(), e.version(), name, DroppedPart.DEPTH));
            }
            counts.merge(cut, count, ReportFilter::saturatedSum);
        });
        return new ReportEntry(e.program(), e.version(), e.javaVersion(), e.os(), e.arch(), counts);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
