package dev.crashwatch.fleet.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files a query reads: for each received day, its newest compaction while that still covers the day's files,
 * else the day's raw report files that count ({@link DayFiles}). Either way a day gives the same rows and the same
 * skipped files, so an answer does not depend on what has been compacted.
 *
 * @param parquet       compacted days' Parquet files
 * @param json          raw report files of the days read raw
 * @param skipped       files that are not counted, with why
 * @param compactedDays the days read from their newest compaction
 * @param raw           the days read raw (never compacted, or changed since: late arrivals), each with the files
 *                      it counts and skips: what {@link Compactor} writes
 */
public record FleetInput(FleetLayout layout, List<Path> parquet, List<Path> json, List<Skipped> skipped,
                         List<LocalDate> compactedDays, List<Manifest> raw) {

    /** Looks at every day of {@code layout}. */
    public static FleetInput scan(FleetLayout layout) throws IOException {
        List<Path> parquet = new ArrayList<>();
        List<Path> json = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<LocalDate> compacted = new ArrayList<>();
        List<Manifest> raw = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (LocalDate day : layout.days()) {
            List<String> names = DayFiles.names(layout.day(day));
            Optional<Compaction> newest = Compaction.newest(layout, day);
            Optional<Manifest.Head> head = newest.isPresent() ? Optional.of(Manifest.readHead(newest.get().manifest()))
                : Optional.empty();
            Optional<List<String>> covered = head.flatMap(h -> h.counted(names, counted));
            if (covered.isPresent()) {
                parquet.add(newest.get().parquet());
                skipped.addAll(head.get().skipped());
                counted.addAll(covered.get());
                compacted.add(day);
            } else {
                Manifest read = readRaw(layout, day, names, counted);
                read.counted().forEach(n -> json.add(layout.day(day).resolve(n)));
                skipped.addAll(read.skipped());
                raw.add(read);
            }
        }
        return new FleetInput(layout, parquet, json, skipped, compacted, raw);
    }

    /** Only the raw report {@code files} of one day: what a compaction writes. */
    static FleetInput rawFiles(FleetLayout layout, List<Path> files) {
        return new FleetInput(layout, List.of(), files, List.of(), List.of(), List.of());
    }

    /** The days read raw. */
    public List<LocalDate> rawDays() {
        return raw.stream().map(Manifest::day).toList();
    }

    /** Checks each raw file of a day, adding the counted ones' names to {@code counted}. */
    static Manifest readRaw(FleetLayout layout, LocalDate day, List<String> names, Set<String> counted) {
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
