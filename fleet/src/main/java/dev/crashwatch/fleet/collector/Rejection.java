package dev.crashwatch.fleet.collector;

/** A request the collector answers with a 4xx: the status, the metric's reason label and a one-line reason. */
final class Rejection extends Exception {
    private final RejectReason reason;

    Rejection(RejectReason reason, String message) {
        super(OneLine.of(message), null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
