package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Raw report files as DuckDB reads them: one newline-delimited JSON file holding, per report, one line with the
 * fields {@link CounterRows} reads ({@code received}, from the file's day folder, then the report's {@code id},
 * {@code week} and {@code entries}), written from the report as {@link DayFiles} read and checked it. DuckDB reads
 * one such file far faster than thousands of small ones (its JSON reader has a cost per file), and it never parses
 * bytes that were not checked: a file changed since the scan counted it fails the whole read instead.
 */
final class ReportLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest line DuckDB is told to expect: a report file at its largest, plus the received day. */
    static final int MAX_LINE = DayFiles.MAX_BYTES + 1024;

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
                out.write(JSON.writeValueAsBytes(line(received, report)));
                out.write('\n');
            }
        }
    }

    private static ObjectNode line(LocalDate received, Report report) {
        ObjectNode line = JSON.createObjectNode();
        line.put("received", received.toString());
        line.put("id", report.id());
        line.put("week", report.week().toString());
        ArrayNode entries = line.putArray("entries");
        for (ReportEntry e : report.entries()) {
            ObjectNode entry = entries.addObject();
            entry.put("program", e.program());
            entry.put("version", e.version());
            entry.put("javaVersion", e.javaVersion());
            entry.put("os", e.os());
            entry.put("arch", e.arch());
            ObjectNode counters = entry.putObject("counters");
            e.counters().forEach(counters::put);
        }
        return line;
    }
}
