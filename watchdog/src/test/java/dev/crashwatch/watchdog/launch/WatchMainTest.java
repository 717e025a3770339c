package dev.crashwatch.watchdog.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code crashwatch-run} tells its Java half on the command line. */
class WatchMainTest {
    /** The child's command follows {@code --}; its JAVA_TOOL_OPTIONS come as crashwatch-run hands them over. */
    @Test
    void reads_the_childs_error_file_from_its_command_and_its_handed_over_tool_options() {
        String[] head = {"0", "12", "1700000000000", "--program", "p", "--version", "1"};
        String[] javaChild = concat(head, "--", "java", "-XX:ErrorFile=cmd.log", "Main");
        assertEquals("cmd.log", WatchMain.childErrorFile(javaChild, Map.of()));
        String[] plainJava = concat(head, "--", "java", "Main");
        Map<String, String> handedOver = Map.of("CRASHWATCH_CHILD_TOOL_OPTIONS", "-XX:ErrorFile=tool.log");
        assertEquals("tool.log", WatchMain.childErrorFile(plainJava, handedOver));
        assertEquals("", WatchMain.childErrorFile(plainJava, Map.of()));
        assertEquals("", WatchMain.childErrorFile(head, handedOver), "no command: none");
        assertEquals("", WatchMain.childErrorFile(concat(head, "--", "./app.sh"), handedOver), "not java: none");
    }

    @Test
    void reads_the_spool_files_its_launcher_wrote_and_none_from_the_childs_command() {
        String[] args = {"1", "12", "1700000000000", "--spooled", "12-1000-1.cw1", "--program", "p", "--spooled",
            "12-1000-2.cw1", "--", "java", "--spooled", "child.cw1"};
        assertEquals(java.util.Set.of("12-1000-1.cw1", "12-1000-2.cw1"), WatchMain.spooled(args));
        assertEquals(java.util.Set.of(), WatchMain.spooled(new String[] {"1", "12", "1700000000000", "--", "java"}));
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
