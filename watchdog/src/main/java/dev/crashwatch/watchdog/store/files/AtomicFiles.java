package dev.crashwatch.watchdog.store.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Replaces a file's whole content so that a reader, or a kill -9 at any instant, sees either the old content or
 * the new, never a mix: write a temporary file in the same directory, fsync it, rename it over the target
 * (atomic within one file system), fsync the directory so the rename itself is durable.
 */
public final class AtomicFiles {
    /** Temporary files end with this; readers skip them. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} through a temporary file with a random name (for writers that hold no lock). */
    public static void replace(Path target, byte[] content) throws IOException {
        replace(target, content, "." + target.getFileName() + "." + PrivateFiles.randomHex(6) + TEMP_SUFFIX);
    }

    /**
     * Replaces {@code target} through the temporary file {@code tempName} in its directory. Only for writers that
     * hold the directory's lock: a temporary file a killed writer left behind is then simply overwritten.
     */
    public static void replace(Path target, byte[] content, String tempName) throws IOException {
        Path dir = PrivateFiles.directories(target.toAbsolutePath().getParent());
        Path temp = dir.resolve(tempName);
        Files.deleteIfExists(temp);
        try {
            writeDurably(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PrivateFiles.fileAttributes())) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Makes a rename in {@code dir} durable; not possible on every OS (Windows), where it is skipped. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Directories cannot be opened for fsync here; the rename is still atomic.
        }
    }
}
