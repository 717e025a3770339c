package dev.crashwatch.agent.wire;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * This process's own files under {@code /proc/self} ({@code cmdline}, {@code environ}, {@code status}), read whole and
 * bounded: how the agent learns its command line, the environment it started with and the user it runs as without
 * the JDK's costlier paths (the management API; {@code System.getenv}, whose first call parses every variable into a
 * map) or its missing ones (no API gives a process's uid).
 */
public final class ProcSelf {
    private static final String UID = "Uid:";
    /** More than {@code execve} passes as a command line or environment (a quarter of the stack limit: 2 MiB). */
    static final int MAX_BYTES = 8 << 20;

    private ProcSelf() {
    }

    /** The whole of {@code /proc/self/<name>}; null where it cannot be read (no procfs) or is too large. */
    public static byte[] read(String name) {
        try (InputStream in = new FileInputStream("/proc/self/" + name)) {
            byte[] bytes = new byte[4096];
            int length = 0;
            for (int n; (n = in.read(bytes, length, bytes.length - length)) > 0; ) {
                length += n;
                if (length == bytes.length) {
                    if (bytes.length >= MAX_BYTES) {
                        return null;
                    }
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
            return Arrays.copyOf(bytes, length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The effective uid this process runs as (the {@code Uid:} line of {@code /proc/self/status}: real, effective,
     * saved, file system), or -1 where it cannot be read.
     */
    public static long effectiveUid() {
        byte[] status = read("status");
        if (status == null) {
            return -1;
        }
        String text = new String(status, StandardCharsets.ISO_8859_1);
        int line = text.startsWith(UID) ? 0 : text.indexOf("\n" + UID) + 1;
        if (line == 0 && !text.startsWith(UID)) {
            return -1;
        }
        int real = skipBlanks(text, line + UID.length());
        int effective = skipBlanks(text, skipDigits(text, real));
        int end = skipDigits(text, effective);
        try {
            return end > effective && real < effective ? Long.parseLong(text.substring(effective, end)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int skipDigits(String text, int i) {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == '\t' || text.charAt(i) == ' ')) {
            i++;
        }
        return i;
    }
}
