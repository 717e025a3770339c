package dev.crashwatch.watchdog.store.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written ISO texts agree with the JDK's, on the usual forms and on every other one. */
class IsoTextTest {
    @Test
    void instants_read_and_write_as_the_jdk_does() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_167_219_200L - 86_400L * 400, 253_402_300_800L + 86_400L * 400);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            String text = instant.toString();
            assertEquals(text, IsoText.text(instant));
            assertEquals(instant, IsoText.instant(text));
        }
    }

    @Test
    void days_read_as_the_jdk_reads_them() {
        for (LocalDate d = LocalDate.of(1999, 12, 1); d.isBefore(LocalDate.of(2001, 3, 31)); d = d.plusDays(1)) {
            assertEquals(d, IsoText.day(d.toString()));
        }
        assertEquals(LocalDate.of(12026, 1, 5), IsoText.day("+12026-01-05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T17:20:00.1Z", "2026-11-23T17:20:00.123456789Z", "2016-12-31T23:59:60Z",
            "2026-11-23T17:20:00+01:00", "2026-11-23t17:20:00Z", "2026-11-23T17:20:00.Z"})
    void unusual_instants_read_as_the_jdk_reads_them(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> IsoText.instant(text));
            return;
        }
        assertEquals(expected, IsoText.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-13-01", "2026-1-01", "20260-1-01", "2026-11-2x", "",
            "2026-11-23T25:00:00Z", "2026-11-23T17:20:00.1234567890Z", "2026-02-30T00:00:00Z",
            "2026-11-23T17:20Z", "x026-11-23T17:20:00Z"})
    void what_the_jdk_rejects_is_rejected(String text) {
        if (text.length() > 10) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
            assertThrows(DateTimeParseException.class, () -> IsoText.instant(text));
        } else {
            assertThrows(DateTimeParseException.class, () -> LocalDate.parse(text));
            assertThrows(DateTimeParseException.class, () -> IsoText.day(text));
        }
    }
}
