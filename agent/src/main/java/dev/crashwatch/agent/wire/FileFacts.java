package dev.crashwatch.agent.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * What {@link PrivateDir} needs to know of a file, from one {@code lstat} (never through a link): its type, whether
 * this process's user owns it ({@link PrivateDir#THIS_USER}), and its permission bits.
 */
final class FileFacts {
    static final int DIRECTORY = 0040000;
    /** A FIFO, or a socket or device: Java's attributes tell these apart no further (opening a socket fails). */
    static final int FIFO = 0010000;
    static final int OTHER = 0;

    final int type;
    final boolean ownedByThisUser;
    /** The permission bits ({@code 0777}). */
    final int permissions;

    private FileFacts(int type, boolean ownedByThisUser, int permissions) {
        this.type = type;
        this.ownedByThisUser = ownedByThisUser;
        this.permissions = permissions;
    }

    /** The facts of {@code path}, or null when there is nothing there. */
    static FileFacts of(Path path) throws IOException {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        }
        int bits = 0;
        for (PosixFilePermission p : a.permissions()) {
            bits |= 0400 >> p.ordinal(); // OWNER_READ .. OTHERS_EXECUTE: the order of the mode's bits
        }
        int type = a.isDirectory() ? DIRECTORY : a.isOther() ? FIFO : OTHER;
        return new FileFacts(type, a.owner().getName().equals(PrivateDir.THIS_USER), bits);
    }
}
