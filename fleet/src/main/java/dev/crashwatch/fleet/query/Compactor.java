package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Compacts every day that is read raw ({@link FleetInput#scan}), oldest first; current days are left alone but
     * for their manifests' stamps, renewed where the scan had to list the folder to know the day was current.
     */
    public static List<Result> compact(FleetLayout layout) throws IOException, SQLException {
        List<Result> results = new ArrayList<>();
        FleetInput input = FleetInput.scanToCompact(layout);
        for (FleetInput.Relisted r : input.relisted()) {
            restamp(r);
        }
        if (input.raw().isEmpty()) {
            return results;
        }
        try (FleetDb db = FleetDb.open(FleetInput.empty(layout))) {
            for (Manifest manifest : input.raw()) {
                Optional<Compaction> newest = Compaction.newest(layout, manifest.day());
                Compaction next = Compaction.of(layout, manifest.day(), newest.map(c -> c.generation() + 1).orElse(1));
                write(db, layout, next, manifest);
                removeOlder(layout, next);
                results.add(new Result(manifest.day(), next.generation(), manifest.counted().size(),
                    manifest.skipped().size(), newest.isPresent()));
            }
        }
        return results;
    }

    /**
     * Records the stamp of a listing that found a compacted day current, unless it is racy too: the day is then
     * trusted without a listing. The manifest is replaced whole (readers see the old one or the new one); the
     * Parquet file and the rest of the manifest stay as they are.
     */
    private static void restamp(FleetInput.Relisted r) throws IOException {
        if (r.folder().isPresent() && r.listed().isPresent() && r.folder().get().clearlyBefore(r.listed().get())) {
            Path file = r.compaction().manifest();
            AtomicFiles.replace(file, Manifest.read(file).stamped(r.folder(), r.listed(), r.earlier()).toBytes());
        }
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
