package dev.crashwatch.fleet.upload;

import java.time.Duration;
import java.util.Optional;

/**
 * What the collector answered: the HTTP status, its {@code Retry-After} (if any) and the first line of its body,
 * cut short and stripped of control characters (the reply is shown to a person and kept in the store); for a report,
 * whether a 2xx was a collector's acknowledgement of that very report ({@code acknowledged}: always true for other
 * requests).
 */
public record CollectorReply(int status, Optional<Duration> retryAfter, String line, boolean acknowledged) {
    public CollectorReply(int status, Optional<Duration> retryAfter, String line) {
        this(status, retryAfter, line, true);
    }

    /**
     * Accepted: a 2xx that, for a report, acknowledges it. A 2xx from anything else (a web server answering every
     * request at a wrong URL) is no proof that the report is kept anywhere: the report stays pending.
     */
    public boolean ok() {
        return status / 100 == 2 && acknowledged;
    }

    /**
     * Worth trying again later: throttled (429), timed out (408), too early (425: the week has not ended by the
     * collector's clock) or a server error (5xx).
     */
    public boolean worthRetrying() {
        return status == 429 || status == 408 || status == 425 || status / 100 == 5;
    }

    /**
     * A refusal of this report itself, which sending it again cannot change: 400 (invalid), 409 (another report under
     * its ID), 413 (too large), 415 (an encoding not taken) or 422. Any other 4xx (401, 403, 404, 405, 407, 410, ...)
     * says the URL is no collector that takes reports now, a fault of the setup, not of the report: it stays pending.
     */
    public boolean refused() {
        return status == 400 || status == 409 || status == 413 || status == 415 || status == 422;
    }

    /** {@code HTTP 400: week 2026-11-17 is not a Monday}. */
    public String describe() {
        return "HTTP " + status + (line.isEmpty() ? "" : ": " + line)
                + (status / 100 == 2 && !acknowledged ? " (no collector's acknowledgement of this report)" : "");
    }
}
