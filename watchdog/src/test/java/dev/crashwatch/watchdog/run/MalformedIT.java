package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the crash pipe: a process under {@code crashwatch run} (a shell script, which gets the pipe's path
 * through {@code JAVA_TOOL_OPTIONS}) writes garbage into the FIFO. The watchdog must count it as
 * {@code crash/malformed}, keep it, go on reading, and pass the script's exit status through.
 */
class MalformedIT {
    /** The pipe, as the agent option the watchdog put into JAVA_TOOL_OPTIONS names it. */
    private static final String PIPE = "pipe=$CRASHWATCH_PIPE; ";
    /** A valid crash frame from this shell, for "reading goes on after the garbage". */
    private static final String VALID_CRASH = "t='Exception in thread \"main\" java.lang.IllegalStateException\n"
            + "\tat app.Main.main(Main.java:3)\n'; printf 'CW1 %s CRASH 1 0 0 %s\\n%s' $$ ${#t} \"$t\" > \"$pipe\"; ";
    private static final String MALFORMED = "crash/malformed";
    private static final String CRASH = "crash/crash\njava.lang.IllegalStateException\napp.Main.main";

    @TempDir
    Path tmp;

    private Watchdog runScript(String script) throws Exception {
        Watchdog w = new Watchdog(tmp);
        ProcessBuilder pb = w.run(List.of("--program", "malformed-test"), List.of("sh", "-c", PIPE + script + "exit 7"), "sh");
        assertEquals(7, exitStatus(pb), () -> new String(w.errQuietly("sh")));
        return w;
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("text garbage", "printf 'this is not a frame\\n' > \"$pipe\"; " + VALID_CRASH),
                Arguments.of("a bad header", "printf 'CW1 12 CRASH one 0 0 5\\nhello\\n' > \"$pipe\"; " + VALID_CRASH),
                Arguments.of("binary bytes", "head -c 65536 /dev/urandom | tr -d '\\n' > \"$pipe\"; "
                        + "printf '\\n' > \"$pipe\"; " + VALID_CRASH),
                Arguments.of("a record cut mid-frame", VALID_CRASH
                        + "printf 'CW1 %s CRASH 2 0 0 500\\nException in thread' $$ > \"$pipe\"; "),
                Arguments.of("a record missing its last frame", "printf 'CW1 %s CRASH 2 0 1 3\\nabc' $$ > \"$pipe\"; "
                        + VALID_CRASH));
    }

    /** The garbage, then (or, for a cut frame, which swallows what follows, before it) a valid crash record. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbage_is_counted_as_malformed_kept_and_reading_goes_on(String what, String script) throws Exception {
        Watchdog w = runScript(script);
        Map<String, Long> counters = w.counters();
        assertEquals(1L, counters.get(MALFORMED), counters::toString);
        assertEquals(1L, crashes(w), counters::toString);
        assertEquals(1, w.malformedFiles().size());
    }

    private static long crashes(Watchdog w) throws Exception {
        return w.counters(CRASH).values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void malformed_input_is_kept_byte_for_byte_and_private() throws Exception {
        Watchdog w = runScript("printf 'secret garbage\\001\\377\\n' > \"$pipe\"; ");
        Path kept = w.malformedFiles().get(0);
        assertArrayEquals("secret garbage\001\377\n".getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(kept));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    @Test
    void a_ten_megabyte_record_does_not_stop_the_watchdog() throws Exception {
        Watchdog w = runScript("head -c 10485760 /dev/zero | tr '\\000' x > \"$pipe\"; printf '\\n' > \"$pipe\"; " + VALID_CRASH);
        Map<String, Long> counters = w.counters();
        assertEquals(1L, counters.get(MALFORMED), counters::toString);
        assertEquals(1L, crashes(w), counters::toString);
        // Kept as its first and last 64 KiB (docs/protocol.md): the watchdog's memory is bounded whatever arrives.
        assertTrue(Files.size(w.malformedFiles().get(0)) <= (128 << 10) + 1);
    }

    @Test
    void crlf_line_ends_are_read_as_a_crash() throws Exception {
        Watchdog w = runScript("t=$(printf 'Exception in thread \"main\" java.lang.IllegalStateException\\r\\n"
                + "\\tat app.Main.main(Main.java:3)\\r\\n'); printf 'CW1 %s CRASH 1 0 0 %s\\r\\n%s' $$ ${#t} \"$t\" > \"$pipe\"; ");
        Map<String, Long> counters = w.counters();
        assertEquals(1L, crashes(w), counters::toString);
        assertEquals(1, counters.size(), counters::toString);
    }
}
