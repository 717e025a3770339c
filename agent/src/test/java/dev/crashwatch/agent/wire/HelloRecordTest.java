package dev.crashwatch.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloRecordTest {
    @Test
    void carries_the_documented_keys_one_per_line() {
        Map<String, String> hello = parse(HelloRecord.collect("shop", "2.0", 4242, 1234L, "logs/hs_%p.log", true,
                System.getProperty("java.class.path")));
        assertEquals("4242", hello.get(Wire.KEY_PID));
        assertEquals("1234", hello.get(Wire.KEY_START_MILLIS));
        assertEquals(System.getProperty("java.version"), hello.get(Wire.KEY_JAVA_VERSION));
        assertEquals("shop", hello.get(Wire.KEY_PROGRAM));
        assertEquals("2.0", hello.get(Wire.KEY_VERSION));
        assertEquals(System.getProperty("user.dir"), hello.get(Wire.KEY_CWD));
        assertEquals(System.getProperty("java.io.tmpdir"), hello.get(Wire.KEY_TMPDIR));
        assertEquals(System.getProperty("java.class.path"), hello.get(Wire.KEY_CLASS_PATH));
        assertTrue(hello.containsKey(Wire.KEY_MAIN));
        assertEquals("logs/hs_%p.log", hello.get(Wire.KEY_ERROR_FILE));
        assertEquals("true", hello.get(Wire.KEY_EXIT_ON_OOM));
    }

    @Test
    void values_with_newlines_and_backslashes_stay_on_their_line_and_read_back_exactly() {
        String name = "evil\nprogram=hijack\\n\r";
        Map<String, String> hello = parse(HelloRecord.collect(name, null, 1, 1, null, false, null));
        assertEquals(name, hello.get(Wire.KEY_PROGRAM));
        assertFalse(hello.containsKey(Wire.KEY_VERSION) && "hijack".equals(hello.get(Wire.KEY_VERSION)));
    }

    /** Reads a hello payload as the watchdog does: lines, split at the first '=', unescaped. */
    static Map<String, String> parse(ByteSink payload) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = new String(payload.array(), 0, payload.length(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            String key = line.substring(0, eq);
            assertFalse(values.containsKey(key), "duplicate key " + key);
            values.put(key, Wire.unescape(line.substring(eq + 1)));
        }
        return values;
    }
}
