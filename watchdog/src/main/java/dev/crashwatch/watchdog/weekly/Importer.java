package dev.crashwatch.watchdog.weekly;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges reports into a store. All files are read and checked before anything is written, so one bad file
 * leaves the store untouched. Each entry's counts and its record ({@code <report id>:<digest of its counters>}) land
 * in the counter file in one atomic step ({@link Store#addImportedEntry}), so a report counts once however often it
 * is imported, also after a crash half-way. A store reports each week under one ID ({@link Exporter}), so a second
 * export of the same week, or its upload, counts once too; an entry whose counts differ from those imported under
 * that ID (a week grown since, the upload's cut) is not added, and said so: the first copy of a week's entry wins. A store's own reports (exported or made for upload) are never imported into it: their counts are there.
 */
public final class Importer {
    /**
     * What importing one report did.
     *
     * @param added           entries whose counts were added
     * @param alreadyImported entries this store holds already, from the same report
     * @param changed         entries an earlier copy of the report (an export, the upload) put in with other counts:
     *                        not added
     * @param ownReport       the report is this store's own: nothing added
     */
    public record Result(Path file, Report report, int added, int alreadyImported, int changed, boolean ownReport) {
    }

    private Importer() {
    }

    /** Reads every file; throws for the first one that is not a report, naming it. */
    public static List<Report> readAll(List<Path> files) throws ReportFormatException, IOException {
        List<Report> reports = new ArrayList<>();
        for (Path f : files) {
            try {
                if (Files.isDirectory(f)) {
                    throw new ReportFormatException("a directory, not a report file");
                }
                if (Files.size(f) > ReportJson.MAX_BYTES) {
                    throw new ReportFormatException("larger than " + (ReportJson.MAX_BYTES >> 20)
                            + " MiB: not a report crashwatch writes");
                }
                reports.add(ReportJson.read(Files.readAllBytes(f)));
            } catch (ReportFormatException e) {
                throw new ReportFormatException(f + ": " + e.getMessage());
            }
        }
        return reports;
    }

    /**
     * Imports checked reports (from {@link #readAll}), in order; a report whose ID is in {@code own} (the store's own
     * reports: {@link Store#exportedReportIds()}, and those made for upload) is left out.
     */
    public static List<Result> importAll(Store store, List<Path> files, List<Report> reports, Set<String> own)
            throws IOException {
        List<Result> results = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            Report report = reports.get(r);
            if (own.contains(report.id())) {
                results.add(new Result(files.get(r), report, 0, 0, 0, true));
                continue;
            }
            int added = 0;
            int already = 0;
            int changed = 0;
            Map<CounterFileKey, Integer> firstIndex = new LinkedHashMap<>();
            Map<CounterFileKey, Map<String, Long>> byKey = byKey(report, firstIndex);
            for (Map.Entry<CounterFileKey, Map<String, Long>> e : byKey.entrySet()) {
                String record = report.id() + ":" + digest(e.getValue());
                String legacy = report.id() + "/" + firstIndex.get(e.getKey()); // what imports recorded before
                Optional<String> earlier = store.addImportedEntry(e.getKey(), e.getValue(), record,
                        id -> id.startsWith(report.id() + ":") || id.equals(legacy));
                if (earlier.isEmpty()) {
                    added++;
                } else if (earlier.get().equals(record) || earlier.get().equals(legacy)) {
                    already++;
                } else {
                    changed++;
                }
            }
            results.add(new Result(files.get(r), report, added, already, changed, false));
        }
        return results;
    }

    /** The report's entries by counter file, entries with the same key summed (as export sums files of one key). */
    private static Map<CounterFileKey, Map<String, Long>> byKey(Report report, Map<CounterFileKey, Integer> first) {
        Map<CounterFileKey, Map<String, Long>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < report.entries().size(); i++) {
            CounterFileKey key = report.entries().get(i).key(report.week());
            first.putIfAbsent(key, i);
            Map<String, Long> counts = byKey.computeIfAbsent(key, k -> new LinkedHashMap<>());
            report.entries().get(i).counters().forEach((name, n) -> counts.merge(name, n, Long::sum));
        }
        return byKey;
    }

    /** 16 hex digits of SHA-256 over the counters in name order: tells a re-export with other counts from the same. */
    static String digest(Map<String, Long> counters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Long> c : new TreeMap<>(counters).entrySet()) {
                sha.update(c.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(c.getValue()).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
