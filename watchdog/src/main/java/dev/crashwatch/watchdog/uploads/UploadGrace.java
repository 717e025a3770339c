package dev.crashwatch.watchdog.uploads;

import java.util.function.Function;

/**
 * The upload's grace period, the one owner of its rule ({@code docs/upload.md}, "When"): the days from consent (the
 * day {@code crashwatch mode on} was set) to the first upload, {@link #DAYS} as Go's telemetry waits, or fewer
 * through {@link #ENV}, a setting for tests and trials. The uploader (the fleet's {@code UploadSettings}) and
 * {@code crashwatch status} ({@link UploadStatus}) both read it here, so both name the same first day.
 */
public final class UploadGrace {
    /** Days from consent to the first upload. */
    public static final int DAYS = 7;
    /** For tests and trials: a shorter grace period, 0 to {@link #DAYS} days. */
    public static final String ENV = "CRASHWATCH_UPLOAD_GRACE_DAYS";

    private UploadGrace() {
    }

    /**
     * The grace period in days under the environment {@code env}. An IllegalArgumentException naming {@link #ENV}
     * when its value cannot be used: it is never silently replaced.
     */
    public static int days(Function<String, String> env) {
        return WholeNumberSetting.read(env, ENV, DAYS, 0, DAYS);
    }
}
