package dev.crashwatch.watchdog.store.counters;

/**
 * Arithmetic on counts, defined once: a count saturates at {@link Long#MAX_VALUE} instead of overflowing (a count
 * near the top, from a hand edit or an import, must never make the next crash impossible to record or a sum
 * negative), and the bounds that keep a store's files within what a watchdog's heap can read.
 */
public final class Counts {
    /** The largest count an import accepts for one counter: far above any real week, far below overflow. */
    public static final long MAX_IMPORTED = 1L << 40;
    /** The largest counter file read (about 100,000 long stacks); a larger one is unreadable, set aside. */
    public static final long MAX_COUNTER_FILE = 32L << 20;

    private Counts() {
    }

    /** {@code a + b} for counts (both >= 0), saturating at {@link Long#MAX_VALUE}. */
    public static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
