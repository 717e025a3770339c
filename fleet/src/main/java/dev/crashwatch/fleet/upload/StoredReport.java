package dev.crashwatch.fleet.upload;

import dev.crashwatch.watchdog.triage.CrashKind;
import dev.crashwatch.watchdog.uploads.ReportState;
import dev.crashwatch.watchdog.weekly.Report;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A report under {@code reports/}: its content, its state, its file (the exact bytes sent or to send) and the
 * reason kept beside it (the collector's reply, or why it was not sent).
 */
public record StoredReport(Report report, ReportState state, Path file, Optional<String> reason) {
    public String id() {
        return report.id();
    }

    /** The crashes it counts: the sum of its counters under {@code crash/}. */
    public long crashes() {
        return report.entries().stream().flatMap(e -> e.counters().entrySet().stream())
                .filter(c -> CrashKind.isCrash(c.getKey())).mapToLong(java.util.Map.Entry::getValue).sum();
    }
}
