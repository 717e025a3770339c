package dev.crashwatch.agent.wire;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Directories and files the agent trusts only when they are its user's own: a directory it uses must be (looked at
 * without following links) a real directory owned by this user with mode 0700 and nothing for others, or one it
 * just created so; files are created 0600 without following links. Another local user who could put a link in
 * their place would otherwise have the agent write crash bytes into one of the victim's files.
 */
public final class PrivateDir {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateDir() {
    }

    /** {@code dir}, created 0700 (with missing parents) if absent; throws with the reason when it is not private. */
    public static Path ensure(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(dir, dirAttributes());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Checked below, like any directory that was there.
            }
        }
        String problem = problem(dir);
        if (problem != null) {
            throw new IOException(problem);
        }
        return dir;
    }

    /** Why {@code dir} is not a private directory of this user, or null when it is. */
    public static String problem(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return dir + " is not a directory (or is a symbolic link)";
        }
        if (!POSIX) {
            return null;
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (!a.owner().getName().equals(me)) {
            return dir + " is owned by " + a.owner().getName() + ", not " + me;
        }
        Set<PosixFilePermission> p = a.permissions();
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            return dir + " is writable by others (" + PosixFilePermissions.toString(p) + ")";
        }
        return null;
    }

    /**
     * Why {@code fifo} is not a crash pipe this agent may open, or null when it may: looked at without following
     * links, it must be a FIFO (no regular file, directory or link) owned by this user, in a private directory of this
     * user ({@link #problem}), where no one else can swap it for something else between this check and the open.
     */
    public static String fifoProblem(Path fifo) throws IOException {
        Path dir = fifo.toAbsolutePath().getParent();
        String problem = dir == null ? fifo + " has no directory" : problem(dir);
        if (problem != null || !POSIX) {
            return problem;
        }
        PosixFileAttributes a = Files.readAttributes(fifo, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isOther()) {
            return fifo + " is not a FIFO";
        }
        String me = System.getProperty("user.name");
        return a.owner().getName().equals(me) ? null : fifo + " is owned by " + a.owner().getName() + ", not " + me;
    }

    /** {@code file} as a regular file of this user, created 0600 if absent, never through a link. */
    public static Path privateFile(Path file) throws IOException {
        Set<OpenOption> create = new HashSet<>();
        create.add(StandardOpenOption.CREATE);
        create.add(StandardOpenOption.APPEND);
        create.add(LinkOption.NOFOLLOW_LINKS);
        try (FileChannel ignored = FileChannel.open(file, create, fileAttributes())) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(file + " is not a regular file");
            }
        }
        return file;
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
}
