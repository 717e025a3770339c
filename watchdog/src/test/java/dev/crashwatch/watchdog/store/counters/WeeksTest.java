package dev.crashwatch.watchdog.store.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeeksTest {
    @ParameterizedTest
    @CsvSource({
        "2026-11-23T00:00:00Z, 2026-11-23",
        "2026-11-29T23:59:59Z, 2026-11-23",
        "2026-11-30T00:00:00Z, 2026-11-30",
        "2027-01-01T12:00:00Z, 2026-12-28",
    })
    void week_starts_on_monday_utc(String instant, String monday) {
        assertEquals(LocalDate.parse(monday), Weeks.startOf(Instant.parse(instant)));
    }
}
