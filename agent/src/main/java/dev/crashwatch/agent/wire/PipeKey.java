package dev.crashwatch.agent.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The identity of the crash pipe a launcher made: {@code <device in hex>:<inode>}, as the JDK's file key of the FIFO
 * shows them ({@code (dev=fe00,ino=2146338)}), passed to the agent as the option {@code pipeKey=}. A launcher makes
 * the FIFO 0600 in a run directory of its own that only its user may write (docs/native.md), so a path that still
 * names that very inode (looked at without following a link) is the FIFO the user's launcher made, and the agent
 * may open it without the ownership checks of {@link PrivateDir#fifoProblem}. On JDK 25 those take the agent's
 * start-up thread 2.0 ms, interpreted (the POSIX attribute classes from the module image, the permission set's first
 * use, a user lookup), the key 0.4 ms: it needs only the basic attributes, which the JDK has loaded already to open
 * the main jar ({@code bench/agent-steps.sh}). A key that does not match, or a JDK whose file key reads otherwise,
 * only sends the agent the longer way. The C launcher writes the same text ({@code launch.c}, pinned by
 * {@code NativeLauncherIT} and {@code PipeKeyTest}).
 */
public final class PipeKey {
    private static final String DEV = "(dev=";
    private static final String INO = ",ino=";

    private PipeKey() {
    }

    /** The key of {@code fifo} (not followed if a link), or null when the JDK gives it no file key of this form. */
    public static String of(Path fifo) throws IOException {
        return keyOf(attributes(fifo));
    }

    /** Whether {@code fifo}, not followed if a link, is a FIFO (or other special file) with key {@code key}. */
    public static boolean matches(Path fifo, String key) {
        if (key == null) {
            return false;
        }
        try {
            BasicFileAttributes a = attributes(fifo);
            return a.isOther() && key.equals(keyOf(a));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static BasicFileAttributes attributes(Path fifo) throws IOException {
        return Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static String keyOf(BasicFileAttributes a) {
        Object key = a.fileKey();
        String text = key == null ? "" : key.toString();
        int ino = text.indexOf(INO);
        if (!text.startsWith(DEV) || ino < 0 || !text.endsWith(")")) {
            return null;
        }
        return text.substring(DEV.length(), ino) + ":" + text.substring(ino + INO.length(), text.length() - 1);
    }
}
