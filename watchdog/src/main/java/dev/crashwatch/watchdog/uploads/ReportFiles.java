package dev.crashwatch.watchdog.uploads;

import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportFormatException;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of one state folder under {@code reports/}: {@code <id>.json} (the report, byte for byte as sent or to
 * send) and {@code <id>.reason} beside it. A report file counts when it is a regular file (no symbolic link
 * followed), not hidden, that {@link ReportJson#read} reads and whose name is its report's ID: the one rule for
 * {@code crashwatch reports}, {@code upload} and {@code status}.
 */
public final class ReportFiles {
    public static final String JSON = ".json";
    public static final String REASON = ".reason";
    /** Largest report or reason file read back; what the upload client writes is far smaller. */
    public static final int MAX_FILE_BYTES = 16 << 20;

    private ReportFiles() {
    }

    /** The candidate report files of {@code stateDir}, sorted; none when it is missing or a symbolic link. */
    public static List<Path> jsonFiles(Path stateDir) throws IOException {
        if (Files.isSymbolicLink(stateDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(JSON) && !name.startsWith(".") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            }).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The IDs of the report files in every state folder of {@code reportsDir}, by name: the reports this store made. */
    public static Set<String> ids(Path reportsDir) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (ReportState state : ReportState.values()) {
            for (Path f : jsonFiles(reportsDir.resolve(state.word()))) {
                String name = f.getFileName().toString();
                ids.add(name.substring(0, name.length() - JSON.length()));
            }
        }
        return ids;
    }

    /** The report in {@code file}, or empty when it does not count (unreadable, not a report, misnamed). */
    public static Optional<Report> report(Path file) {
        try {
            Report report = ReportJson.read(bytes(file));
            return file.getFileName().toString().equals(report.id() + JSON) ? Optional.of(report) : Optional.empty();
        } catch (ReportFormatException | IOException e) {
            return Optional.empty();
        }
    }

    /** The exact bytes of a file under {@code reports/}, read without following a symbolic link. */
    public static byte[] bytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException(file + " is over " + MAX_FILE_BYTES + " bytes: not a file crashwatch wrote");
            }
            return bytes;
        }
    }
}
