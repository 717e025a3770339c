package dev.crashwatch.watchdog.weekly;

import java.time.LocalDate;
import java.util.List;

/**
 * One week of counters from one store: what {@code crashwatch export} writes, {@code upload} cuts down and sends,
 * and {@code import} and the collector read.
 *
 * @param id      random; one a week per store, the same in every export of the week and in its upload, so that an
 *                import or a collector counts a week once
 * @param week    the Monday (UTC) that starts the week
 * @param entries one per program, version, Java version, OS and arch
 */
public record Report(String id, LocalDate week, List<ReportEntry> entries) {
    /** The value of the report's {@code format} field. */
    public static final String FORMAT = "crashwatch-report/v1";
}
