package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The grace period and the week window at their edges. */
class UploadCalendarTest {
    static final LocalDate CONSENT = LocalDate.parse("2026-11-04"); // a Wednesday

    @Test
    void uploads_start_seven_days_after_consent_or_sooner_with_the_test_setting() {
        assertTrue(new UploadCalendar(CONSENT, LocalDate.parse("2026-11-10"), 7).inGracePeriod());
        assertFalse(new UploadCalendar(CONSENT, LocalDate.parse("2026-11-11"), 7).inGracePeriod());
        assertFalse(new UploadCalendar(CONSENT, CONSENT, 0).inGracePeriod());
        assertEquals(LocalDate.parse("2026-11-06"), new UploadCalendar(CONSENT, CONSENT, 2).firstUploadDay());
    }

    @Test
    void a_week_is_reported_from_the_monday_it_ends_until_21_days_later() {
        LocalDate week = LocalDate.parse("2026-11-09"); // ends Monday 2026-11-16
        assertEquals("the week has not ended", new UploadCalendar(CONSENT, LocalDate.parse("2026-11-15"), 7).whyNot(week));
        assertNull(new UploadCalendar(CONSENT, LocalDate.parse("2026-11-16"), 7).whyNot(week));
        assertNull(new UploadCalendar(CONSENT, LocalDate.parse("2026-12-07"), 7).whyNot(week), "ended 21 days ago");
        assertEquals("the week ended more than 21 days ago",
                new UploadCalendar(CONSENT, LocalDate.parse("2026-12-08"), 7).whyNot(week));
    }

    @Test
    void a_week_that_ended_by_the_consent_day_holds_only_data_from_before_it() {
        LocalDate today = LocalDate.parse("2026-11-20");
        assertTrue(new UploadCalendar(LocalDate.parse("2026-11-09"), today, 0).whyNot(LocalDate.parse("2026-11-02"))
                .startsWith("the week ended before mode on was set"), "ended on the consent day");
        assertNull(new UploadCalendar(LocalDate.parse("2026-11-08"), today, 0).whyNot(LocalDate.parse("2026-11-02")),
                "under way on the consent day");
    }
}
