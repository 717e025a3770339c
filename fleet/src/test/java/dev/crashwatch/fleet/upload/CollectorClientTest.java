package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the client reads what a collector says: Retry-After in both forms, and a reply cut to one printable line. */
class CollectorClientTest {
    @Test
    void retry_after_is_seconds_or_an_http_date_and_anything_else_is_ignored() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), CollectorClient.retryAfter("30"));
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        Duration d = CollectorClient.retryAfter(inTwoMinutes).orElseThrow();
        assertTrue(d.compareTo(Duration.ofSeconds(100)) > 0 && d.compareTo(Duration.ofSeconds(121)) <= 0, d.toString());
        assertEquals(Optional.of(Duration.ZERO), CollectorClient.retryAfter("Thu, 01 Jan 2026 00:00:00 GMT"));
        assertEquals(Optional.empty(), CollectorClient.retryAfter("soon"));
        assertEquals(Optional.empty(), CollectorClient.retryAfter("-5"));
    }

    @Test
    void a_reply_is_kept_as_one_printable_line() {
        assertEquals("week 2026-11-02 is too old",
                CollectorClient.firstLine("{\"error\":\"week 2026-11-02 is too old\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("first ?[31mline", CollectorClient.firstLine("first \u001b[31mline\nsecond".getBytes(StandardCharsets.UTF_8)));
        assertEquals(CollectorClient.MAX_LINE, CollectorClient.firstLine("x".repeat(10_000).getBytes(StandardCharsets.UTF_8)).length());
    }

    /** Only a collector's acknowledgement of the very report counts as accepted. */
    @Test
    void a_2xx_counts_only_as_an_acknowledgement_of_the_report_sent() {
        String id = "0123456789abcdef0123456789abcdef";
        assertTrue(acks("{\"id\":\"" + id + "\",\"stored\":true,\"duplicate\":false,\"dropped\":[]}", id));
        assertTrue(acks("{\"stored\":true,\"extra\":{\"id\":\"x\"},\"id\":\"" + id + "\"}", id));
        assertFalse(acks("{\"id\":\"" + id + "\",\"stored\":false}", id));
        assertFalse(acks("{\"id\":\"ffffffffffffffffffffffffffffffff\",\"stored\":true}", id));
        assertFalse(acks("{\"stored\":true,\"nested\":{\"id\":\"" + id + "\"}}", id), "only the top-level id");
        assertFalse(acks("<html><body>Welcome to nginx!</body></html>", id));
        assertFalse(acks("", id));
        String cut = "{\"id\":\"" + id + "\",\"stored\":true,\"dropped\":[" + "{\"program\":\"p\"},".repeat(2000);
        assertTrue(acks(cut.substring(0, CollectorClient.MAX_REPLY_BYTES), id), "a reply cut after both still counts");

        assertFalse(new CollectorReply(200, Optional.empty(), "<html>", false).ok());
        assertFalse(new CollectorReply(200, Optional.empty(), "<html>", false).refused());
        assertTrue(new CollectorReply(200, Optional.empty(), "", false).describe().contains("no collector's"));
    }

    private static boolean acks(String body, String id) {
        return CollectorClient.acknowledges(body.getBytes(StandardCharsets.UTF_8), id);
    }
}
