package dev.crashwatch.watchdog.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
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

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
