package dev.crashwatch.watchdog.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Waits for a process that is not the sidecar's child to be gone. A process that has exited but not yet been
 * reaped (a zombie) counts as gone: its fatal error log, if any, is complete by then.
 */
final class JvmExit {
    private static final long POLL_MILLIS = 5;

    private JvmExit() {
    }

    /** True once {@code pid} is gone; false if it is still running after {@code timeoutMillis}. */
    static boolean await(long pid, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static boolean isRunning(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive() && !isZombie(pid);
    }

    /** Linux: state {@code Z} in {@code /proc/<pid>/stat} (the field after the parenthesised name). */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
