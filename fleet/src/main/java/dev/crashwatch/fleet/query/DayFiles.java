package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one received day and the rule that decides which of them count. A file counts when it is a regular
 * file (not a link), at most {@value #MAX_BYTES} bytes, a strict {@code crashwatch-report/v1} report
 * ({@link ReportJson#read}), named {@code <its report id>.json}, and no earlier day holds a file of that name
 * (a report counts once, on the first day it was received). Hidden names (a leading dot: a writer's temporary
 * file) are not looked at.
 */
final class DayFiles {
    /** The largest report file read, 1 MiB: larger than any report the collector accepts. */
    static final int MAX_BYTES = 1 << 20;

    /** Why a file whose name an earlier day counted does not count. */
    static final String SECOND_COPY = "a second copy of a report counted on an earlier day";

    private DayFiles() {
    }

    /** The day folder's file names, sorted, hidden names left out; none when the folder is gone. */
    static List<String> names(Path dayDir) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dayDir, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dayDir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
        }
        names.sort(null);
        return names;
    }

    /** Why {@code file} does not count, or empty when it does; {@code counted} holds the names counted on earlier days. */
    static Optional<String> problem(Path file, CountedNames counted) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a regular file");
        }
        if (counted.contains(name)) {
            return Optional.of(SECOND_COPY);
        }
        try {
            report(file);
            return Optional.empty();
        } catch (ReportFormatException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of("unreadable (" + e.getMessage() + ")");
        }
    }

    /** The report in {@code file}, if it is one that counts but for the cross-day rule; else why not. */
    static Report report(Path file) throws IOException, ReportFormatException {
        Report report = ReportJson.read(read(file));
        String name = file.getFileName().toString();
        if (!name.equals(report.id() + ".json")) {
            throw new ReportFormatException("named " + name + " but holds report " + report.id());
        }
        return report;
    }

    private static byte[] read(Path file) throws IOException, ReportFormatException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ReportFormatException("larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
