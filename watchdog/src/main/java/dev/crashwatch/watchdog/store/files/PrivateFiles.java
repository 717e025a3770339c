package dev.crashwatch.watchdog.store.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates the store's files and directories private to the user (0600 / 0700) where the file system has POSIX
 * permissions, and makes random names. Names need not be unguessable: every file and directory is created
 * exclusively ({@code CREATE_NEW}, {@code mkdir}) inside the user's own 0700 store, so a clash fails and nobody else can
 * race for a name. So the random source is {@link ThreadLocalRandom}: {@code SecureRandom}'s first use loads the
 * security providers, 10-25 ms on the path from a crash to its counter.
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and its missing parents; new ones are 0700. */
    public static Path directories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            directories(parent);
        }
        try {
            Files.createDirectory(dir, dirAttributes());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }

    /** Creates a new directory, 0700; fails if it exists. */
    public static Path newDirectory(Path dir) throws IOException {
        return Files.createDirectory(dir, dirAttributes());
    }

    /** Attributes for a new private file (0600), or none where POSIX permissions don't exist. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] dirAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
