package dev.crashwatch.watchdog.store.counters;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The ISO-8601 texts counter files hold ({@code 2026-11-23}, {@code 2026-11-23T17:20:00.123Z}), read and written
 * exactly as {@link LocalDate#parse}, {@link Instant#parse} and {@link Instant#toString} do, without them for the
 * usual forms: the first use of {@code DateTimeFormatter} in a JVM builds dozens of formatters (~15 ms here), and
 * it would come on a crash's way to its counter. Any other form goes to the JDK's parser and formatter.
 */
public final class IsoText {
    private IsoText() {
    }

    /** {@code yyyy-MM-dd}, as {@link LocalDate#parse}. */
    public static LocalDate day(CharSequence text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int y = digits(text, 0, 4);
            int m = digits(text, 5, 7);
            int d = digits(text, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    throw new DateTimeParseException("not a date: " + text, text, 0, e);
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}, as {@link Instant#parse}. */
    static Instant instant(CharSequence text) {
        int n = text.length();
        if (n >= 20 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(n - 1) == 'Z') {
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nano = fraction(text, 19, n - 1);
            if (hour >= 0 && minute >= 0 && second >= 0 && nano >= 0 && hour < 24 && minute < 60 && second < 60) {
                LocalDate day = day(text.subSequence(0, 10));
                return day.atTime(hour, minute, second, nano).toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    /** As {@link Instant#toString()}: seconds always, the fraction in groups of three digits, when not zero. */
    static String text(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return instant.toString();
        }
        StringBuilder s = new StringBuilder(30).append(t.toLocalDate()).append('T');
        two(s, t.getHour()).append(':');
        two(s, t.getMinute()).append(':');
        two(s, t.getSecond());
        int nano = t.getNano();
        if (nano > 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
            String nine = Integer.toString(1_000_000_000 + nano).substring(1);
            s.append('.').append(nine, 0, digits);
        }
        return s.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The decimal number in {@code text[from, to)}, or -1 if it is not all ASCII digits. */
    private static int digits(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of an empty fraction or {@code .} and 1 to 9 digits in {@code text[from, to)}; else -1. */
    private static int fraction(CharSequence text, int from, int to) {
        if (from == to) {
            return 0;
        }
        int count = to - from - 1;
        if (text.charAt(from) != '.' || count < 1 || count > 9) {
            return -1;
        }
        int value = digits(text, from + 1, to);
        for (int i = count; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }
}
