package dev.crashwatch.fleet.upload;

import java.time.Duration;
import java.util.Optional;

/**
 * What the collector answered: the HTTP status, its {@code Retry-After} (if any) and the first line of its body,
 * cut short and stripped of control characters (the reply is shown to a person and kept in the store).
 */
public record CollectorReply(int status, Optional<Duration> retryAfter, String line) {
    public boolean ok() {
        return status / 100 == 2;
    }

    /**
     * Worth trying again later: throttled (429), timed out (408), too early (425: the week has not ended by the
     * collector's clock) or a server error (5xx).
     */
    public boolean worthRetrying() {
        return status == 429 || status == 408 || status == 425 || status / 100 == 5;
    }

    /** A refusal of this report: any other 4xx. */
    public boolean refused() {
        return status / 100 == 4 && !worthRetrying();
    }

    /** {@code HTTP 400: week 2026-11-17 is not a Monday}. */
    public String describe() {
        return "HTTP " + status + (line.isEmpty() ? "" : ": " + line);
    }
}
