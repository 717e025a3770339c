package dev.crashwatch.watchdog.weekly;

import dev.crashwatch.watchdog.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges reports into a store. All files are read and checked before anything is written, so one bad file
 * leaves the store untouched. Each entry's counts and its ID land in the counter file in one atomic step
 * ({@link Store#addImported}), so importing the same report again, or again after a crash, counts it once.
 */
public final class Importer {
    /** What importing one report did. */
    public record Result(Path file, Report report, int added, int alreadyImported) {
    }

    private Importer() {
    }

    /** Reads every file; throws for the first one that is not a report, naming it. */
    public static List<Report> readAll(List<Path> files) throws ReportFormatException, IOException {
        List<Report> reports = new ArrayList<>();
        for (Path f : files) {
            try {
                reports.add(ReportJson.read(Files.readAllBytes(f)));
            } catch (ReportFormatException e) {
                throw new ReportFormatException(f + ": " + e.getMessage());
            }
        }
        return reports;
    }

    /** Imports checked reports (from {@link #readAll}), in order. */
    public static List<Result> importAll(Store store, List<Path> files, List<Report> reports) throws IOException {
        List<Result> results = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            Report report = reports.get(r);
            int added = 0;
            for (int i = 0; i < report.entries().size(); i++) {
                ReportEntry e = report.entries().get(i);
                added += store.addImported(e.key(report.week()), e.counters(), report.entryId(i)) ? 1 : 0;
            }
            results.add(new Result(files.get(r), report, added, report.entries().size() - added));
        }
        return results;
    }
}
