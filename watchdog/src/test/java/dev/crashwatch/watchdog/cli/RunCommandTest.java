package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunCommandTest {
    @ParameterizedTest(name = "crashwatch {0}")
    @ValueSource(strings = {"run", "run --", "run --program", "run --version -- java", "run --bogus -- java",
        "run --program a,b -- java Main", "demo extra"})
    void bad_usage_is_one_line_and_exit_2(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(line.split(" "), new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("crashwatch " + line.split(" ")[0] + ": "), message);
        assertEquals(1, message.lines().count(), message);
    }
}
