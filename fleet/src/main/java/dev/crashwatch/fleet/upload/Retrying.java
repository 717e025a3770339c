package dev.crashwatch.fleet.upload;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls the collector until it gives an answer that is not transient: a network error, a 408, 425, 429 or 5xx is tried
 * again after a {@link Backoff} pause (honouring {@code Retry-After}), at most {@link Backoff#ATTEMPTS} times; a
 * {@code Retry-After} longer than {@link Backoff#LONGEST_WAIT} ends the attempts at once.
 */
final class Retrying {
    /** One call to the collector. */
    interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    /**
     * The last answer (empty if none came: the collector could not be reached) and, when it is not a final
     * answer, what went wrong, in a few words.
     */
    record Outcome<T>(Optional<T> value, String problem) {
    }

    private final Backoff backoff;

    Retrying(Backoff backoff) {
        this.backoff = backoff;
    }

    <T> Outcome<T> call(Call<T> call, Function<T, CollectorReply> replyOf) throws InterruptedException {
        String problem = "";
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                T value = call.call();
                CollectorReply reply = replyOf.apply(value);
                if (!reply.worthRetrying()) {
                    return new Outcome<>(Optional.of(value), reply.ok() ? "" : reply.describe());
                }
                problem = reply.describe();
                retryAfter = reply.retryAfter();
                if (retryAfter.isPresent() && retryAfter.get().compareTo(Backoff.LONGEST_WAIT) > 0) {
                    return new Outcome<>(Optional.of(value), problem + ", retry after " + retryAfter.get().toSeconds() + " s");
                }
                if (attempt == Backoff.ATTEMPTS) {
                    return new Outcome<>(Optional.of(value), problem + " after " + attempt + " tries");
                }
            } catch (IOException e) {
                problem = "collector unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                if (attempt == Backoff.ATTEMPTS) {
                    return new Outcome<>(Optional.empty(), problem + " after " + attempt + " tries");
                }
            }
            Thread.sleep(backoff.pause(attempt, retryAfter).toMillis());
        }
    }
}
