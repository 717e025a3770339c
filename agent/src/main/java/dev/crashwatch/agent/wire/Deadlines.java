package dev.crashwatch.agent.wire;

/** Deadlines on the {@link System#nanoTime()} clock, and waiting for a thread until one. */
public final class Deadlines {
    private Deadlines() {
    }

    /** The deadline {@code millis} from now. */
    public static long in(long millis) {
        return System.nanoTime() + millis * 1_000_000L;
    }

    /** Whole milliseconds left until {@code deadline}, at least 0. */
    public static long millisLeft(long deadline) {
        long left = deadline - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000L);
    }

    /**
     * Waits for {@code thread} to end, until {@code deadline} at most; true if it ended. An interrupt does not cut
     * the wait short (a crashing thread may carry one); it is kept for the caller. Never throws.
     */
    public static boolean join(Thread thread, long deadline) {
        boolean interrupted = Thread.interrupted();
        try {
            long wait = millisLeft(deadline);
            while (wait > 0 && thread.isAlive()) {
                try {
                    thread.join(wait);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                wait = millisLeft(deadline);
            }
        } catch (Throwable ignored) {
            // Treat as not ended.
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !thread.isAlive();
    }
}
