package dev.crashwatch.watchdog.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The store's way of writing files, for the modules built on top of it (the fleet's {@code reports/}): private
 * directories (0700) and whole files replaced atomically and durably (0600), as {@code docs/store.md} describes.
 */
public final class StoreFiles {
    private StoreFiles() {
    }

    /** Creates {@code dir} and its missing parents, new ones 0700; returns it. */
    public static Path directories(Path dir) throws IOException {
        return PrivateFiles.directories(dir);
    }

    /** Replaces {@code target}'s content (temp file, fsync, rename, fsync the directory); a new file is 0600. */
    public static void replace(Path target, byte[] content) throws IOException {
        AtomicFiles.replace(target, content);
    }

    /** Attributes for a new private file (0600), or none where POSIX permissions don't exist. */
    public static java.nio.file.attribute.FileAttribute<?>[] privateFileAttributes() {
        return PrivateFiles.fileAttributes();
    }

    /** Makes a rename in {@code dir} durable (where the OS allows it). */
    public static void syncDirectory(Path dir) {
        AtomicFiles.syncDirectory(dir);
    }
}
