package dev.crashwatch.watchdog.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report reader is strict JSON as well as strictly v1: a field named twice (readers disagree on which copy
 * wins) or anything after the value is refused with a one-line reason, so the bytes a person reads are the bytes
 * that count.
 */
class ReportJsonTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final Report REPORT = new Report(ID, LocalDate.of(2026, 11, 16), List.of(
            new ReportEntry("app", "1.0", "17", "linux", "amd64", Map.of("crash/app.Main.main:+2", 3L))));
    private static final String GOOD = ReportJson.write(REPORT);

    @Test
    void what_write_writes_read_reads_back_even_with_white_space_after_it() throws Exception {
        assertEquals(REPORT, read(GOOD));
        assertEquals(REPORT, read(GOOD + " \n\t\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"id\" : \"", "\"week\" : \"", "\"format\" : \"", "\"entries\" : [", "\"program\" : \"",
        "\"counters\" : {"})
    void a_report_field_named_twice_is_refused_and_named(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        assertEquals("a field named twice in one object ('" + name + "')", refused(twice(field)));
    }

    @Test
    void a_counter_named_twice_is_refused_without_quoting_the_name() {
        String reason = refused(twice("\"crash/app.Main.main:+2\" : "));
        assertEquals("a field named twice in one object (a counter name or an unknown field, not quoted)", reason);
    }

    /** The report with a copy of {@code field} before it: a reader where the last copy wins sees the original. */
    private static String twice(String field) {
        return GOOD.replace(field, copyOf(field) + ", " + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "1", "\"x\"", "null", "{\"format\":\"crashwatch-report/v1\"}"})
    void a_second_value_after_the_report_is_refused(String after) {
        assertEquals("more after the report's JSON value: a file or body holds one report", refused(GOOD + after));
        assertEquals("more after the report's JSON value: a file or body holds one report",
                refused(GOOD.strip() + after));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "]", "}", ",", "\u0000"})
    void stray_text_after_the_report_is_refused_as_not_json(String after) {
        assertEquals("not JSON", refused(GOOD + after).replaceFirst(" \\(.*", ""));
    }

    @Test
    void a_reason_is_one_line_whatever_the_hostile_text_it_quotes() {
        String unknown = GOOD.replace("\"entries\"", "\"a\\r\\nb\\u0000\" : 1, \"entries\"");
        assertEquals("unknown report field 'a??b?'", refused(unknown));
    }

    /** A field with the same name as {@code field} and another value of the same type. */
    private static String copyOf(String field) {
        if (field.endsWith("[")) {
            return field + "]";
        }
        if (field.endsWith("{")) {
            return field + "}";
        }
        return field.endsWith("\"") ? field + "other\"" : field + "1";
    }

    private static Report read(String text) throws ReportFormatException {
        return ReportJson.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String text) {
        return assertThrows(ReportFormatException.class, () -> read(text), text).getMessage();
    }
}
