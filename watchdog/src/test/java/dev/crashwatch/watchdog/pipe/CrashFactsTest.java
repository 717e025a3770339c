package dev.crashwatch.watchdog.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.agent.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts a crash record may begin with, and the JVM's text after them (docs/protocol.md, "Crash facts"). */
class CrashFactsTest {
    private static final String TRACE = "Exception in thread \"main\" java.lang.IllegalStateException: a\0b\n"
            + "\tat shop.Main.main(Main.java:3)\n";

    @Test
    void a_payload_without_facts_is_all_text() {
        CrashFacts crash = CrashFacts.parse(bytes(TRACE));
        assertEquals(Map.of(), crash.facts());
        assertArrayEquals(bytes(TRACE), crash.text());
    }

    @Test
    void the_class_path_fact_is_read_unescaped_and_left_out_of_the_text() {
        String classPath = "/a b/classes:/odd\npath.jar";
        CrashFacts crash = CrashFacts.parse(bytes("\0" + Wire.KEY_CLASS_PATH + "=" + Wire.escape(classPath) + "\n"
                + "\0other=x\n" + TRACE));
        assertEquals(classPath, crash.get(Wire.KEY_CLASS_PATH));
        assertEquals("x", crash.get("other"));
        assertArrayEquals(bytes(TRACE), crash.text());
    }

    @Test
    void a_fact_line_cut_off_by_the_end_of_the_payload_stays_text() {
        CrashFacts crash = CrashFacts.parse(bytes("\0classPath=/cut"));
        assertEquals("", crash.get(Wire.KEY_CLASS_PATH));
        assertArrayEquals(bytes("\0classPath=/cut"), crash.text());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
