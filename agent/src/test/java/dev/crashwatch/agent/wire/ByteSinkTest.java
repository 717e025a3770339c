package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSinkTest {
    @Test
    void encodes_text_as_utf8_exactly_as_the_jdk_does() {
        String text = "plain ASCII, é ß, 中文, emoji \uD83D\uDE00, tab\t, nul\0";
        ByteSink sink = new ByteSink(4);
        sink.text(text);
        assertEquals(text, new String(sink.array(), 0, sink.length(), StandardCharsets.UTF_8));
        assertFalse(sink.truncated());
    }

    @Test
    void an_unpaired_surrogate_becomes_a_question_mark() {
        ByteSink sink = new ByteSink(8);
        sink.text("a\uD83Db");
        assertEquals("a?b", new String(sink.array(), 0, sink.length(), StandardCharsets.UTF_8));
    }

    @Test
    void writes_decimal_numbers() {
        ByteSink sink = new ByteSink(8);
        for (long n : new long[] {0, 7, 10, 1234567890123L, -42, Long.MAX_VALUE, Long.MIN_VALUE}) {
            sink.reset();
            sink.decimal(n);
            assertEquals(Long.toString(n), new String(sink.array(), 0, sink.length(), StandardCharsets.US_ASCII));
        }
    }
}
