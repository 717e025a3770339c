package dev.crashwatch.fleet.duckdb;

import dev.crashwatch.agent.wire.PrivateDir;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes the copies of other driver versions that no command has used for {@link #UNUSED_FOR}, so an upgrade does
 * not leave 71 MB behind for good. A command marks the copy it uses by its modification time at least once a day
 * ({@link UnpackedDriver#MARK_AFTER}), so a copy another installation on this machine still uses at least once in
 * 29 days is never deleted, and two installations never delete each other's copy. Only what this package makes is
 * touched: a folder in {@code duckdb/} with a name {@link UnpackedDriver#isFolderName} gives, a private directory of
 * this user ({@link PrivateDir#problem}: no link), whose regular files (a temporary file a killed unpack left too) are
 * deleted, never following links, and then the folder. Anything else there is left alone: a name of another shape, a
 * link, a file, a folder holding something else than files. This is housekeeping: every failure is ignored.
 *
 * <p>{@code duckdb/} was just checked to be this user's own and writable by nobody else ({@link
 * UnpackedDriver#folder}), so no one else can swap a folder for a link between the check and the deletes.
 */
final class UnusedCopies {
    /** A copy not used for this long is deleted. */
    static final Duration UNUSED_FOR = Duration.ofDays(30);

    private UnusedCopies() {
    }

    /** Deletes the unused copies beside {@code inUse} in its folder, as of {@code now}. */
    static void sweep(Path inUse, Instant now) {
        Instant unusedSince = now.minus(UNUSED_FOR);
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(inUse.getParent())) {
            for (Path copy : copies) {
                if (!copy.equals(inUse) && UnpackedDriver.isFolderName(copy.getFileName().toString())) {
                    deleteIfUnused(copy, unusedSince);
                }
            }
        } catch (IOException | RuntimeException housekeeping) {
            // Left for the next sweep.
        }
    }

    private static void deleteIfUnused(Path copy, Instant unusedSince) {
        try {
            if (PrivateDir.problem(copy) != null
                    || !Files.getLastModifiedTime(copy, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(unusedSince)) {
                return;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(copy)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.delete(copy);
        } catch (IOException | RuntimeException housekeeping) {
            // Left as it is; the other copies are still swept.
        }
    }
}
