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

    /** The hello encodes text as the crash path's ByteSink does: UTF-8, an unpaired surrogate as '?'. */
    @Test
    void non_ascii_values_are_utf8_and_a_lone_surrogate_is_a_question_mark_as_on_the_crash_path() {
        String name = "Überprüfung ☃ \uD834\uDD1E lone \uD834 end";
        ByteSink hello = HelloRecord.collect(name, null, 1, 1, null, false, null);
        ByteSink crashPath = new ByteSink(64);
        crashPath.text(Wire.KEY_PROGRAM + "=" + name + "\n");
        String text = new String(hello.array(), 0, hello.length(), StandardCharsets.UTF_8);
        String line = new String(crashPath.array(), 0, crashPath.length(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\n" + line), text);
        assertEquals("Überprüfung ☃ \uD834\uDD1E lone ? end", parse(hello).get(Wire.KEY_PROGRAM));
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
