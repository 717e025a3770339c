package dev.crashwatch.fleet.upload;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a collector again: exponential (the first pause, doubled each time, at most
 * {@link #MAX_STEPS} doublings) with jitter (a random point in the upper half, so many clients that failed together do
 * not come back together), and never less than the collector's {@code Retry-After}. After {@link #ATTEMPTS}
 * tries, or when the collector asks for more than {@link #LONGEST_WAIT}, the run gives up for the day.
 */
public record Backoff(Duration firstPause) {
    /** Tries per request, the first included. */
    public static final int ATTEMPTS = 5;
    static final int MAX_STEPS = 5;
    /** A longer {@code Retry-After} than this ends the run: the next day's upload tries again. */
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    /** The pause after failed try number {@code failures} (1 after the first), at least {@code retryAfter}. */
    public Duration pause(int failures, Optional<Duration> retryAfter) {
        long full = firstPause.toMillis() << Math.min(failures - 1, MAX_STEPS);
        long jittered = full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
        long wanted = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, wanted));
    }
}
