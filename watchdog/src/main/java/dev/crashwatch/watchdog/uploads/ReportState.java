package dev.crashwatch.watchdog.uploads;

import java.util.Locale;

/** Where a report made for upload is in its life; each state is a folder under the store's {@code reports/}. */
public enum ReportState {
    /** Made, byte for byte what will be sent; sent at the next upload that reaches the collector. */
    PENDING,
    /** The collector answered 2xx: it is stored there. */
    UPLOADED,
    /** The collector answered 4xx; its reason is kept beside the report. Never sent again. */
    REJECTED,
    /** Never sent: nothing in it that the collector's config allows, sampled out, or too old; the reason is kept. */
    SKIPPED;

    /** The folder name and the word users see. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
