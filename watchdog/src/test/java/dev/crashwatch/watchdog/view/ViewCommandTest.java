package dev.crashwatch.watchdog.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code crashwatch view} answers bad usage with one line and exit 2, before it starts any server. */
class ViewCommandTest {
    @ParameterizedTest(name = "view {0}")
    @CsvSource(delimiter = '|', value = {
        "--port abc   | --port needs a port number from 0 to 65535, got 'abc' ('crashwatch help view' shows its usage)",
        "--port 70000 | --port needs a port number from 0 to 65535, got '70000' ('crashwatch help view' shows its usage)",
        "--port       | --port needs a port number from 0 to 65535 ('crashwatch help view' shows its usage)",
        "--bogus      | unknown option '--bogus' ('crashwatch help view' shows its usage)",
        "extra        | unexpected argument 'extra' ('crashwatch help view' shows its usage)",
    })
    void bad_usage_is_one_line_and_exit_2(String args, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = ("view " + args).trim().split(" +");
        int status = Main.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("crashwatch view: " + message + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void help_names_both_options() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.execute(new String[] {"help", "view"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: crashwatch view [--port N] [--open]"), usage);
        assertTrue(usage.contains("--port N") && usage.contains("--open"), usage);
    }
}
