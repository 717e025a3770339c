package dev.crashwatch.fleet.collector;

/** Why a request was refused: its HTTP status and its label in {@code crashwatch_collector_rejected_total}. */
enum RejectReason {
    TOO_LARGE(413, "too_large"),
    BAD_ENCODING(415, "bad_encoding"),
    BAD_GZIP(400, "bad_gzip"),
    INVALID(400, "invalid"),
    BAD_WEEK(400, "bad_week"),
    /** A week that has not ended yet by the collector's clock: the client sends it again later (RFC 8470). */
    TOO_EARLY(425, "too_early"),
    BAD_COUNT(400, "bad_count"),
    BAD_KEY(400, "bad_key"),
    NOT_CRASH_NAME(400, "not_crash_name"),
    CONFLICT(409, "conflict"),
    NOT_FOUND(404, "not_found"),
    BAD_METHOD(405, "bad_method");

    final int status;
    final String label;

    RejectReason(int status, String label) {
        this.status = status;
        this.label = label;
    }
}
