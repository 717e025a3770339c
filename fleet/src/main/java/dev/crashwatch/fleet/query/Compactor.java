package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.store.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crashwatch fleet compact}: writes each received day that has no current compaction (never compacted, or
 * changed since: late arrivals) as one new immutable Parquet generation, then removes the day's older generations.
 * The collector's JSON files are left where they are: they stay the record, and a day is compacted again from all
 * of them when one more arrives, so a late report is never dropped (unlike Go's merge, golang/go#69966).
 */
public final class Compactor {
    /** What compacting one day did. */
    public record Result(LocalDate day, int generation, int reports, int skipped, boolean again) {
    }

    private Compactor() {
    }

    /** Compacts every day that needs it, oldest first; days whose compaction is current are left alone. */
    public static List<Result> compact(FleetLayout layout) throws IOException, SQLException {
        List<Result> results = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        FleetInput none = new FleetInput(layout, List.of(), List.of(), List.of(), List.of(), List.of());
        try (FleetDb db = FleetDb.open(none)) {
            for (LocalDate day : layout.days()) {
                List<String> names = DayFiles.names(layout.day(day));
                Optional<Compaction> newest = Compaction.newest(layout, day);
                if (newest.isPresent()) {
                    Manifest m = Manifest.read(newest.get().manifest());
                    if (m.stillCovers(names, counted)) {
                        counted.addAll(m.counted());
                        continue;
                    }
                }
                Manifest manifest = FleetInput.readRaw(layout, day, names, counted);
                Compaction next = Compaction.of(layout, day, newest.map(c -> c.generation() + 1).orElse(1));
                write(db, layout, next, manifest);
                removeOlder(layout, next);
                results.add(new Result(day, next.generation(), manifest.counted().size(), manifest.skipped().size(),
                    newest.isPresent()));
            }
        }
        return results;
    }

    /** The manifest first, then the Parquet file under a hidden name, synced and renamed into place last. */
    private static void write(FleetDb db, FleetLayout layout, Compaction c, Manifest manifest)
            throws IOException, SQLException {
        Path dir = Files.createDirectories(c.parquet().getParent());
        AtomicFiles.replace(c.manifest(), manifest.toBytes());
        Path temp = dir.resolve("." + c.parquet().getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            List<Path> files = manifest.counted().stream().map(n -> layout.day(c.day()).resolve(n)).toList();
            db.copyToParquet(files, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, c.parquet(), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        AtomicFiles.syncDirectory(dir);
    }

    private static void removeOlder(FleetLayout layout, Compaction current) throws IOException {
        for (Compaction old : Compaction.all(layout, current.day())) {
            if (old.generation() < current.generation()) {
                Files.deleteIfExists(old.parquet());
                Files.deleteIfExists(old.manifest());
            }
        }
    }
}
