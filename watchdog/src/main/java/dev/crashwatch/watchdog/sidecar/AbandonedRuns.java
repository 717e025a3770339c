package dev.crashwatch.watchdog.sidecar;

import dev.crashwatch.watchdog.launch.PendingRuns;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;

/**
 * Finishes, beside the sidecar's own work, the native launcher's pending runs whose Java half is gone, by the rule
 * every watchdog follows ({@link PendingRuns#finishAbandoned}; docs/native.md, "Pending runs"): so that a run whose
 * Java half was killed counts when the next sidecar of the store starts, not only at the next command or run. On a
 * daemon thread of its own, started before the sidecar reads its pipe: reading the pipe never waits for it, and
 * nothing it meets (an exception, an error) reaches the sidecar; trouble is noted in the sidecar's log.
 */
final class AbandonedRuns {
    /**
     * Longest wait for it at the sidecar's exit. A sidecar that stops waiting leaves what it has not finished to the
     * next watchdog, which finishes it once (a run counts under its ID).
     */
    static final long EXIT_WAIT_MILLIS = 30_000;

    private final Thread thread;

    private AbandonedRuns(Thread thread) {
        this.thread = thread;
    }

    /** Starts finishing the pending runs of {@code store} whose Java half is gone. */
    static AbandonedRuns start(Store store, Diagnostics log) {
        Thread thread = new Thread(() -> finish(store, log), "crashwatch-pending-runs");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.setUncaughtExceptionHandler((t, e) -> {
            // finish() lets nothing through; and never a stack trace on a stream.
        });
        thread.start();
        return new AbandonedRuns(thread);
    }

    private static void finish(Store store, Diagnostics log) {
        try {
            PendingRuns.finishAbandoned(store, log);
        } catch (Throwable e) { // an OutOfMemoryError too: this thread's trouble must not end the sidecar
            try {
                log.note("could not finish the pending runs of gone Java halves: " + e);
            } catch (Throwable ignored) {
                // Nowhere left to say it; the next watchdog finishes them.
            }
        }
    }

    /** Waits for it to end, at most {@code millis}; the sidecar exits then either way. */
    void awaitDone(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
