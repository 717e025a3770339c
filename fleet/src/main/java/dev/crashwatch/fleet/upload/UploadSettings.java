package dev.crashwatch.fleet.upload;

import dev.crashwatch.watchdog.store.CollectorUrl;
import dev.crashwatch.watchdog.uploads.UploadDay;
import dev.crashwatch.watchdog.uploads.UploadGrace;
import dev.crashwatch.watchdog.uploads.WholeNumberSetting;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The upload's settings from the environment ({@code docs/upload.md}, "Settings"): {@code CRASHWATCH_COLLECTOR}
 * overrides the collector kept in the store; three more exist for tests and trials only: a shorter grace period,
 * another "today", a shorter first retry pause.
 *
 * @param collector  where to send, if known
 * @param graceDays  the grace period in days ({@link UploadGrace}, whose rule status reads too)
 * @param today      the UTC day the rules take as today
 * @param firstPause the pause before the first retry (it doubles each time)
 */
public record UploadSettings(Optional<CollectorUrl> collector, int graceDays, LocalDate today, Duration firstPause) {
    /** {@link UploadGrace#ENV}, the grace period's owner's. */
    public static final String GRACE_DAYS_ENV = UploadGrace.ENV;
    public static final String TODAY_ENV = UploadDay.ENV;
    public static final String FIRST_PAUSE_ENV = "CRASHWATCH_UPLOAD_RETRY_MS";
    static final Duration DEFAULT_FIRST_PAUSE = Duration.ofSeconds(2);

    /**
     * Reads the settings; {@code stored} is the collector kept in the store's mode file. A value that cannot be
     * used is an error that names the variable, never silently replaced.
     */
    public static UploadSettings read(Function<String, String> env, Optional<String> stored) {
        String fromEnv = env.apply(CollectorUrl.ENV);
        Optional<String> url = fromEnv != null && !fromEnv.isBlank() ? Optional.of(fromEnv) : stored;
        Optional<CollectorUrl> collector;
        try {
            collector = url.map(CollectorUrl::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((fromEnv != null && !fromEnv.isBlank() ? CollectorUrl.ENV : "the mode file")
                    + ": " + e.getMessage());
        }
        int grace = UploadGrace.days(env);
        long pause = WholeNumberSetting.read(env, FIRST_PAUSE_ENV, (int) DEFAULT_FIRST_PAUSE.toMillis(), 1, 60_000);
        return new UploadSettings(collector, grace, UploadDay.today(env), Duration.ofMillis(pause));
    }
}
