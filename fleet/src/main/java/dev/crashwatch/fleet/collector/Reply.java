package dev.crashwatch.fleet.collector;

/**
 * An HTTP answer: status, a small JSON body and, for 429 and 503, the seconds after which to try again (0: none).
 */
record Reply(int status, String json, long retryAfterSeconds) {
    static Reply of(int status, String json) {
        return new Reply(status, json, 0);
    }

    static Reply error(int status, String reason, long retryAfterSeconds) {
        return new Reply(status, ReplyJson.error(reason), retryAfterSeconds);
    }
}
