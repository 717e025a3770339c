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
        for (String line : new String(status, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.startsWith(UID)) {
                String[] ids = line.substring(UID.length()).trim().split("\t");
                try {
                    return ids.length > 1 ? Long.parseLong(ids[1].trim()) : -1;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
