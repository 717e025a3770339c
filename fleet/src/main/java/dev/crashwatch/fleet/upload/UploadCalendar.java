package dev.crashwatch.fleet.upload;

import java.time.LocalDate;

/**
 * When uploading may start and which weeks may be sent ({@code docs/upload.md}, "When"): nothing during the grace
 * period after the day mode {@code on} was set; only weeks that have ended; none that ended more than 21 days
 * ago, and none that ended before consent was given (all of its data was recorded before).
 *
 * @param consentDay the UTC day the mode file was set to {@code on}
 * @param today      the UTC day of this upload
 * @param graceDays  {@link dev.crashwatch.watchdog.uploads.UploadGrace#days}: 7, or fewer through the test setting
 */
public record UploadCalendar(LocalDate consentDay, LocalDate today, int graceDays) {
    /** A week that ended more than this many days ago stays local. */
    public static final int MAX_AGE_DAYS = 21;
    static final String TOO_OLD = "the week ended more than " + MAX_AGE_DAYS + " days ago";

    /** The first day uploads may happen. */
    public LocalDate firstUploadDay() {
        return consentDay.plusDays(graceDays);
    }

    public boolean inGracePeriod() {
        return today.isBefore(firstUploadDay());
    }

    /** Why the week starting on Monday {@code week} may not be reported today, or null when it may. */
    public String whyNot(LocalDate week) {
        LocalDate end = week.plusDays(7);
        if (end.isAfter(today)) {
            return "the week has not ended";
        }
        if (!end.isAfter(consentDay)) {
            return "the week ended before mode on was set (" + consentDay + ")";
        }
        return tooOld(week) ? TOO_OLD : null;
    }

    /** True when the week starting on {@code week} ended more than {@link #MAX_AGE_DAYS} days ago. */
    public boolean tooOld(LocalDate week) {
        return week.plusDays(7 + MAX_AGE_DAYS).isBefore(today);
    }
}
