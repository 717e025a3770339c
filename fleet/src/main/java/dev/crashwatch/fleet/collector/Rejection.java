package dev.crashwatch.fleet.collector;

/** A request the collector answers with a 4xx: the status, the metric's reason label and a one-line reason. */
final class Rejection extends Exception {
    private final RejectReason reason;
    private final long retryAfterSeconds;

    Rejection(RejectReason reason, String message) {
        this(reason, message, 0);
    }

    /** With a {@code Retry-After} of {@code retryAfterSeconds} (none when 0). */
    Rejection(RejectReason reason, String message, long retryAfterSeconds) {
        super(OneLine.of(message), null, false, false);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The reply that says so. */
    Reply reply() {
        return Reply.error(reason.status, getMessage(), retryAfterSeconds);
    }

    RejectReason reason() {
        return reason;
    }
}
