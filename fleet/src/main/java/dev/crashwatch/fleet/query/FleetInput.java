package dev.crashwatch.fleet.query;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files a query reads: for each received day, its newest compaction while that still covers the day's files,
 * else the day's raw report files that count ({@link DayFiles}). Either way a day gives the same rows and the same
 * skipped files, so an answer does not depend on what has been compacted.
 *
 * <p>A compacted day costs a few file-system calls, not a listing, while its folder's stamp and the earlier days
 * are as its manifest recorded ({@link Manifest.Head#trusts}); otherwise its folder is listed and checked again.
 *
 * @param parquet       compacted days' Parquet files
 * @param json          raw report files of the days read raw
 * @param skipped       files that are not counted, with why
 * @param compactedDays the days read from their newest compaction
 * @param raw           the days read raw (never compacted, or changed since: late arrivals), each with the files
 *                      it counts and skips: what {@link Compactor} writes
 * @param relisted      compacted days that are still current but had to be listed to know it: {@link Compactor}
 *                      records their new stamps
 */
public record FleetInput(FleetLayout layout, List<Path> parquet, List<Path> json, List<Skipped> skipped,
                         List<LocalDate> compactedDays, List<Manifest> raw, List<Relisted> relisted) {

    /** A compacted day found current by a listing, with what that listing saw. */
    record Relisted(Compaction compaction, Optional<FolderStamp> folder, Optional<FileTime> listed, String earlier) {
    }

    /** Looks at every day of {@code layout}. */
    public static FleetInput scan(FleetLayout layout) throws IOException {
        return scan(layout, Optional.empty());
    }

    /**
     * Looks at every day for a compaction, which records what it saw: first the file system's time
     * ({@link FolderStamp#fileSystemNow}), so that each folder's stamp can later be judged racy or not.
     */
    static FleetInput scanToCompact(FleetLayout layout) throws IOException {
        layout.days(); // a folder that is not a reports folder gets no _fleet/ of ours
        return scan(layout, Optional.of(FolderStamp.fileSystemNow(layout.own())));
    }

    private static FleetInput scan(FleetLayout layout, Optional<FileTime> listed) throws IOException {
        List<Path> parquet = new ArrayList<>();
        List<Path> json = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<LocalDate> compacted = new ArrayList<>();
        List<Manifest> raw = new ArrayList<>();
        List<Relisted> relisted = new ArrayList<>();
        CountedNames counted = new CountedNames();
        String earlier = Manifest.NO_DAYS;
        for (LocalDate day : layout.days()) {
            Path dir = layout.day(day);
            Optional<FolderStamp> stamp = FolderStamp.of(dir);
            Optional<Compaction> newest = Compaction.newest(layout, day);
            Optional<Manifest.Head> head = newest.isPresent() ? Optional.of(Manifest.readHead(newest.get().manifest()))
                : Optional.empty();
            if (head.isPresent() && head.get().trusts(stamp, earlier)) {
                parquet.add(newest.get().parquet());
                skipped.addAll(head.get().skipped());
                counted.addTrusted(dir, head.get(), newest.get().manifest());
                compacted.add(day);
                earlier = Manifest.chain(earlier, day, head.get().digest());
                continue;
            }
            List<String> names = DayFiles.names(dir);
            Optional<List<String>> covered = head.flatMap(h -> h.counted(names, counted));
            if (covered.isPresent()) {
                parquet.add(newest.get().parquet());
                skipped.addAll(head.get().skipped());
                counted.addAll(covered.get());
                compacted.add(day);
                relisted.add(new Relisted(newest.get(), stamp, listed, earlier));
            } else {
                Manifest read = readRaw(layout, day, names, counted).stamped(stamp, listed, earlier);
                read.counted().forEach(n -> json.add(dir.resolve(n)));
                skipped.addAll(read.skipped());
                raw.add(read);
            }
            earlier = Manifest.chain(earlier, day, Manifest.digest(names));
        }
        return new FleetInput(layout, parquet, json, skipped, compacted, raw, relisted);
    }

    /** Nothing to read: a DuckDB for compaction, which hands it each day's files. */
    static FleetInput empty(FleetLayout layout) {
        return new FleetInput(layout, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The days read raw. */
    public List<LocalDate> rawDays() {
        return raw.stream().map(Manifest::day).toList();
    }

    /** Checks each raw file of a day, adding the counted ones' names to {@code counted}. */
    static Manifest readRaw(FleetLayout layout, LocalDate day, List<String> names, CountedNames counted) {
        List<String> ok = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String name : names) {
            Optional<String> problem = DayFiles.problem(layout.day(day).resolve(name), counted);
            if (problem.isPresent()) {
                skipped.add(new Skipped(layout.root().relativize(layout.day(day)) + "/" + name, problem.get()));
            } else {
                ok.add(name);
                counted.add(name);
            }
        }
        return Manifest.of(day, names, ok, skipped);
    }

    /** One line for stderr about the skipped files (a control character in a file name shown as ?), or empty. */
    public Optional<String> skippedNote() {
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        Skipped first = skipped.get(0);
        String note = "skipped " + skipped.size() + (skipped.size() == 1 ? " file" : " files")
            + " that " + (skipped.size() == 1 ? "is" : "are") + " not a countable report (" + first.file() + ": "
            + first.reason() + (skipped.size() > 1 ? "; --json lists all" : "") + ")";
        return Optional.of(note.replaceAll("\\p{Cntrl}", "?"));
    }
}
