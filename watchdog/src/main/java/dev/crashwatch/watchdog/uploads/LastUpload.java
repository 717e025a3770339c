package dev.crashwatch.watchdog.uploads;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How the last upload run ended, kept in {@code reports/last-upload} as one line a person can read:
 * {@code <UTC instant> <status> <message>}, e.g. {@code 2026-12-03T10:15:02Z done done}. Written by the upload
 * client at the end of each run that held the upload lock; read by {@code crashwatch status}.
 *
 * @param at      when the run ended
 * @param status  one word: {@code done} or {@code gave-up} ({@code docs/upload.md})
 * @param message the run's one line for a person
 */
public record LastUpload(Instant at, String status, String message) {
    public static final String FILE = "last-upload";
    /** Longer lines are cut: the file is a status line, not a log. */
    static final int MAX_MESSAGE = 500;

    public LastUpload {
        if (!status.matches("[a-z-]{1,20}")) {
            throw new IllegalArgumentException("not a status word: " + status);
        }
        message = message.replaceAll("\\p{Cntrl}", " ").strip();
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    /** Replaces {@code reports/last-upload} atomically; the caller made {@code reportsDir} (no symbolic link). */
    public void write(Path reportsDir) throws IOException {
        AtomicFiles.replace(reportsDir.resolve(FILE), (at + " " + status + " " + message + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The last run, or empty when none is recorded or the file is not one this code wrote. */
    public static Optional<LastUpload> read(Path reportsDir) {
        Path file = reportsDir.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(ReportFiles.bytes(file), StandardCharsets.UTF_8).strip().split(" ", 3);
            return parts.length < 2 ? Optional.empty()
                    : Optional.of(new LastUpload(Instant.parse(parts[0]), parts[1], parts.length == 3 ? parts[2] : ""));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
