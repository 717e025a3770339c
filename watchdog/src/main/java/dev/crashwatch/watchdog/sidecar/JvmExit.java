package dev.crashwatch.watchdog.sidecar;

import dev.crashwatch.watchdog.watch.LiveProcess;

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
        while (LiveProcess.running(pid)) {
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
}
