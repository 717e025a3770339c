package dev.crashwatch.watchdog.uploads;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The day the upload's rules take as today, the one owner of that rule ({@code docs/upload.md}, "When"): the UTC
 * date, or {@link #ENV}, a setting for tests and trials. The uploader (the fleet's {@code UploadSettings}) and
 * {@code crashwatch status} ({@link UploadStatus}) both read it here, so both count the days the same way.
 */
public final class UploadDay {
    /** For tests and trials: the UTC day to take as today, {@code YYYY-MM-DD}. */
    public static final String ENV = "CRASHWATCH_UPLOAD_TODAY";

    private UploadDay() {
    }

    /**
     * Today under the environment {@code env}. An IllegalArgumentException naming {@link #ENV} when its value is
     * not a date: it is never silently replaced.
     */
    public static LocalDate today(Function<String, String> env) {
        String text = env.apply(ENV);
        if (text == null || text.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ENV + " needs a date YYYY-MM-DD, not '" + text + "'");
        }
    }
}
