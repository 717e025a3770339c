package dev.crashwatch.fleet.upload;

import java.util.List;

/**
 * How an upload run ended and what it did.
 *
 * @param status  {@code done}; or why nothing was sent: {@code not-on}, {@code no-consent}, {@code no-collector},
 *                {@code grace}, {@code busy}; or {@code gave-up} (the collector could not take reports: they stay
 *                pending for the next day)
 * @param message one line for a person
 * @param steps   one per report made, sent or moved in this run
 */
public record UploadResult(String status, String message, List<UploadStep> steps) {
    public UploadResult {
        steps = List.copyOf(steps);
    }

    static UploadResult stopped(String status, String message) {
        return new UploadResult(status, message, List.of());
    }

    /** Exit status: 1 only when reports could not be sent today. */
    public int exitStatus() {
        return status.equals("gave-up") ? 1 : 0;
    }
}
