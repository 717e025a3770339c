package dev.crashwatch.agent;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * This process's own NUL-separated files under {@code /proc/self} ({@code cmdline}, {@code environ}), read whole and
 * bounded: how the agent learns the command line and the environment it started with without the JDK's costlier
 * paths (the management API; {@code System.getenv}, whose first call parses every variable into a map).
 */
final class ProcSelf {
    /** More than the command line or environment {@code execve} passes (a quarter of the stack limit: 2 MiB by default). */
    static final int MAX_BYTES = 8 << 20;

    private ProcSelf() {
    }

    /** The whole of {@code /proc/self/<name>}; null where it cannot be read (no procfs) or is {@link #MAX_BYTES} or more. */
    static byte[] read(String name) {
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
}
