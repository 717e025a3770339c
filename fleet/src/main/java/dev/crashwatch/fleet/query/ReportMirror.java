package dev.crashwatch.fleet.query;

import dev.crashwatch.fleet.storage.ObjectStore;
import dev.crashwatch.fleet.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Brings the reports a collector stored in object storage ({@code s3://bucket/prefix/received=DAY/<id>.json}) into a
 * local folder of the same layout, where fleet triage reads and compacts them: DuckDB's own S3 access (the httpfs
 * extension) is not built into its JDBC driver and cannot be loaded offline. Reports are immutable, so an object
 * already mirrored is not fetched again; nothing is deleted. A key that is not {@code received=YYYY-MM-DD/NAME} with a
 * visible file name (no leading dot: {@code ..} would leave the folder) is not fetched; any other name is, so that the
 * mirror's corrupt or foreign files are skipped and counted as the collector's folder's would be.
 */
public final class ReportMirror {
    /** What one synchronisation did. */
    public record Result(int fetched, int present, int ignored) {
    }

    private ReportMirror() {
    }

    public static Result sync(ObjectStore store, Path mirror) throws StorageException, IOException {
        int fetched = 0;
        int present = 0;
        int ignored = 0;
        for (String key : store.list(FleetLayout.DAY_KEY + "=")) {
            Optional<Path> local = localPath(mirror, key);
            if (local.isEmpty()) {
                ignored++;
            } else if (Files.exists(local.get())) {
                present++;
            } else {
                Optional<byte[]> bytes = store.get(key);
                if (bytes.isPresent()) {
                    write(local.get(), bytes.get());
                    fetched++;
                }
            }
        }
        return new Result(fetched, present, ignored);
    }

    /** Where {@code key} goes in the mirror, if it is a report's key. */
    static Optional<Path> localPath(Path mirror, String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 2 || FleetLayout.dayOf(parts[0]).isEmpty() || parts[1].isEmpty() || parts[1].startsWith(".")
                || parts[1].length() > 255 || parts[1].contains("\\")) {
            return Optional.empty();
        }
        return Optional.of(new FleetLayout(mirror).day(FleetLayout.dayOf(parts[0]).get()).resolve(parts[1]));
    }

    /** Whole or not at all: a hidden temporary file (never counted as a report) renamed into place. */
    private static void write(Path target, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
