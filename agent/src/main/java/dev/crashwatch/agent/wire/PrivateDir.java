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
    /**
     * The name this process's user has as a file's owner: {@code user.name}, or, for a user the system has no name
     * for, the uid's digits (the JDK names such an owner by its uid). A container started with an arbitrary uid (as
     * OpenShift does, or {@code docker run --user 4000123}) has no passwd entry: its JVMs' {@code user.name} is "?"
     * while its files' owner reads "4000123", and a comparison of the two refused the user's own files.
     */
    static final String THIS_USER = ownersNameOfThisUser();
    private static final int GROUP_WRITE = 0020;
    private static final int OTHERS_WRITE = 0002;

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
        if (!POSIX) {
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? null : notADirectory(dir);
        }
        FileFacts facts = FileFacts.of(dir);
        if (facts == null || facts.type != FileFacts.DIRECTORY) {
            return notADirectory(dir);
        }
        if (!facts.ownedByThisUser) {
            return notOwned(dir);
        }
        if ((facts.permissions & (GROUP_WRITE | OTHERS_WRITE)) != 0) {
            return dir + " is writable by others (mode " + Integer.toOctalString(facts.permissions) + ")";
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
        FileFacts facts = FileFacts.of(fifo);
        if (facts == null || facts.type != FileFacts.FIFO) {
            return fifo + " is not a FIFO";
        }
        return facts.ownedByThisUser ? null : notOwned(fifo);
    }

    /** This process's user by the name its files' owner has ({@link #THIS_USER}: for a user without one, its uid). */
    public static String thisUser() {
        return THIS_USER;
    }

    /** Whether {@code path} (not followed if a link) belongs to the user this process runs as; false if not known. */
    public static boolean ownedByThisUser(Path path) {
        try {
            FileFacts facts = FileFacts.of(path);
            return facts != null && facts.ownedByThisUser;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String notADirectory(Path dir) {
        return dir + " is not a directory (or is a symbolic link)";
    }

    /** The message for a file of someone else (the owner's name looked up only here, on the refusing path). */
    private static String notOwned(Path path) {
        String owner;
        try {
            owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | RuntimeException e) {
            owner = "someone else";
        }
        return path + " is owned by " + owner + ", not " + THIS_USER;
    }

    private static String ownersNameOfThisUser() {
        String name = System.getProperty("user.name", "?");
        long uid = name.equals("?") || name.isEmpty() ? ProcSelf.effectiveUid() : -1;
        return uid >= 0 ? Long.toString(uid) : name;
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
