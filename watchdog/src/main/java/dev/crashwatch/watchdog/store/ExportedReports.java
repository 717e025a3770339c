package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's file {@code exported-reports}: one line {@code <week> <id>} per week this store has made a report of
 * (exported, or made for upload), the week's report ID. Every export of a week and its upload carry that one ID, so
 * an import or a collector elsewhere counts the week once however many times and ways it travelled, and this store's
 * own import knows its own reports. Each ID is random and made alone: one week's ID tells nothing of another's, so
 * nothing links a machine's weeks ({@code docs/report-format.md}).
 * Written only under the counters' lock; a line that does not parse is ignored (that week gets a new ID).
 */
final class ExportedReports {
    static final String NAME = "exported-reports";
    /** The most read: a line is 44 bytes, a year 52 lines. */
    private static final int MAX_BYTES = 1 << 20;

    private final Path file;

    ExportedReports(Path storeDir) {
        this.file = storeDir.resolve(NAME);
    }

    /** Week to report ID, oldest week first; empty when the file is absent, a link or unreadable. */
    Map<LocalDate, String> read() throws IOException {
        Map<LocalDate, String> ids = new TreeMap<>();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (NoSuchFileException e) {
            return ids;
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && ReportIds.FORMAT.matcher(parts[1]).matches()) {
                try {
                    LocalDate week = LocalDate.parse(parts[0]);
                    if (week.getDayOfWeek() == DayOfWeek.MONDAY) {
                        ids.putIfAbsent(week, parts[1]);
                    }
                } catch (DateTimeParseException e) {
                    // a damaged line: that week gets a new ID at its next export
                }
            }
        }
        return ids;
    }

    /** The ID of {@code week}'s report: the one kept, else a new random one, kept (durably) before it returns. */
    String idFor(LocalDate week) throws IOException {
        Map<LocalDate, String> ids = read();
        String id = ids.get(week);
        if (id == null) {
            id = ReportIds.newId();
            ids.put(week, id);
            StringBuilder text = new StringBuilder();
            ids.forEach((w, i) -> text.append(w).append(' ').append(i).append('\n'));
            AtomicFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), "." + NAME + AtomicFiles.TEMP_SUFFIX);
        }
        return id;
    }

    /** Forgets every ID ({@code clean}: the counts they stood for are gone). */
    boolean delete() throws IOException {
        return Files.deleteIfExists(file);
    }
}
