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

/** The status line {@code crashwatch-run} writes to the Java half's stdin once the child is gone. */
class WatchMainTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({"'exit 0\n', 0", "'exit 137\n', 137", "'exit 3', 3"})
    void reads_the_childs_status(String line, int status) throws IOException {
        assertEquals(OptionalInt.of(status), WatchMain.childStatus(stdin(line), ProcessHandle.current().pid()));
    }

    /** No status line (the launcher was killed) or a bad one: unknown, once the child is gone. */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "exit\n", "exit x\n", "status 1\n"})
    void without_a_status_waits_for_the_child_and_knows_none(String line) throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor(30, TimeUnit.SECONDS);
        assertFalse(child.isAlive());
        assertEquals(OptionalInt.empty(), WatchMain.childStatus(stdin(line), child.pid()));
    }

    /** The child's command follows {@code --}; its JAVA_TOOL_OPTIONS come as crashwatch-run hands them over. */
    @Test
    void reads_the_childs_error_file_from_its_command_and_its_handed_over_tool_options() {
        String[] head = {"fifo", "12", "1700000000000", "--program", "p", "--version", "1"};
        String[] javaChild = concat(head, "--", "java", "-XX:ErrorFile=cmd.log", "Main");
        assertEquals("cmd.log", WatchMain.childErrorFile(javaChild, Map.of()));
        String[] plainJava = concat(head, "--", "java", "Main");
        Map<String, String> handedOver = Map.of("CRASHWATCH_CHILD_TOOL_OPTIONS", "-XX:ErrorFile=tool.log");
        assertEquals("tool.log", WatchMain.childErrorFile(plainJava, handedOver));
        assertEquals("", WatchMain.childErrorFile(plainJava, Map.of()));
        assertEquals("", WatchMain.childErrorFile(head, handedOver), "no command: none");
        assertEquals("", WatchMain.childErrorFile(concat(head, "--", "./app.sh"), handedOver), "not java: none");
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
