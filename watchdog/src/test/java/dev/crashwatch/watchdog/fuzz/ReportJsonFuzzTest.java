package dev.crashwatch.watchdog.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import dev.crashwatch.watchdog.weekly.ReportJson;

/** The report reader on any bytes: a report, or a {@link ReportFormatException} with a reason; nothing else escapes. */
class ReportJsonFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void any_bytes_are_a_report_or_a_format_error(byte[] bytes) {
        try {
            ReportJson.read(bytes);
        } catch (ReportFormatException expected) {
            // The one way to refuse.
        }
    }
}
