package dev.crashwatch.watchdog.uploads;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The day the upload's rules take as today, the one owner of that rule ({@code docs/upload.md}, "When"): the UTC
 * date, or {@link #ENV}, a setting for tests and trials. The uploader (the fleet's {@code UploadSettings}) and
 * {@code crashwatch status} ({@link UploadStatus}) both read it here, so both count the days the same way.
 */
public final class UploadDay {
    /** For tests and trials: the UTC day to take as today, {@code YYYY-MM-DD}. */
    public static final String ENV = "CRASHWATCH_UPLOAD_TODAY";
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String EXAMPLE = "2026-12-03";

    private UploadDay() {
    }

    /**
     * Today under the environment {@code env}. An IllegalArgumentException when its value is not a date, saying what
     * is wrong with it (the variable, its value, the form it takes): it is never silently replaced.
     */
    public static LocalDate today(Function<String, String> env) {
        String text = env.apply(ENV);
        if (text == null || text.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ENV + " is '" + text.replaceAll("\\p{Cntrl}", "?") + "', "
                    + (SHAPE.matcher(text.trim()).matches() ? "a day no calendar has" : "not a date")
                    + ": it takes the UTC day to use as today, YYYY-MM-DD (" + EXAMPLE + "), or is unset for today");
        }
    }
}
