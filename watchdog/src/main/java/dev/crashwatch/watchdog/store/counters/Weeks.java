package dev.crashwatch.watchdog.store.counters;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Counter files cover one week each, starting on a Monday (UTC); this names the week of an instant or a day. */
public final class Weeks {
    private Weeks() {
    }

    /** The Monday (UTC) that starts the week holding {@code instant}. */
    public static LocalDate startOf(Instant instant) {
        return startOf(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The Monday on or before {@code day}. */
    public static LocalDate startOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /** The Monday (UTC) that starts the current week. */
    public static LocalDate current() {
        return startOf(Instant.now());
    }
}
