package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Raw report files as DuckDB reads them: one newline-delimited JSON file holding, per report, one line with the
 * report's fields and, first, {@code received} (the file's day folder), written by {@link ReportJson#write} from the
 * report as {@link DayFiles} read and checked it. DuckDB reads one such file far faster than thousands of small ones
 * (its JSON reader has a cost per file), and it never parses bytes that were not checked: a file changed since the
 * scan counted it fails the whole read instead.
 */
final class ReportLines {
    /**
     * The longest line DuckDB is told to expect: a report file at its largest written again with
     * {@link ReportJson#write}'s indentation, which can make it a few times longer.
     */
    static final int MAX_LINE = 8 * DayFiles.MAX_BYTES;

    private ReportLines() {
    }

    /** Writes the reports in {@code files} (counted by a scan) to {@code target}, one line each. */
    static void write(List<Path> files, Path target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            for (Path file : files) {
                Report report;
                try {
                    report = DayFiles.report(file);
                } catch (ReportFormatException e) {
                    throw new IOException(file + " changed since it was counted: " + e.getMessage(), e);
                }
                LocalDate received = FleetLayout.dayOf(file.getParent().getFileName().toString())
                    .orElseThrow(() -> new IOException(file + " is not in a received day's folder"));
                out.write(line(received, report));
                out.write('\n');
            }
        }
    }

    /** The report as {@link ReportJson#write} writes it, on one line, with the received day first. */
    private static byte[] line(LocalDate received, Report report) {
        String json = ReportJson.write(report).strip();
        // A JSON string holds no raw line break (it would be escaped), so every one is layout: made a space.
        return ("{\"received\":\"" + received + "\"," + json.substring(1).replace('\r', ' ').replace('\n', ' '))
            .getBytes(StandardCharsets.UTF_8);
    }
}
