package dev.crashwatch.watchdog.weekly;

import java.time.LocalDate;
import java.util.List;

/**
 * One week of counters from one store: what {@code crashwatch export} writes and {@code import} reads.
 *
 * @param id      random; one a week per store for {@code crashwatch export}, so import counts a week once
 * @param week    the Monday (UTC) that starts the week
 * @param entries one per program, version, Java version, OS and arch
 */
public record Report(String id, LocalDate week, List<ReportEntry> entries) {
    /** The value of the report's {@code format} field. */
    public static final String FORMAT = "crashwatch-report/v1";
}
