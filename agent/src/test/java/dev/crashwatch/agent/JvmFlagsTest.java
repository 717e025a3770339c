package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {
    @Test
    void finds_the_flags_on_the_command_line_before_the_main_class() {
        JvmFlags flags = new JvmFlags();
        flags.scanCommandLine(Arrays.asList("java", "-Xmx64m", "-XX:ErrorFile=/var/log/hs_err_%p.log",
                "-XX:+ExitOnOutOfMemoryError", "-cp", "-XX:ErrorFile=not/a/flag", "app.Main", "-XX:ErrorFile=arg"));
        assertEquals("/var/log/hs_err_%p.log", flags.errorFile());
        assertTrue(flags.exitOnOutOfMemoryError());
    }

    @Test
    void application_arguments_after_a_jar_are_not_flags() {
        JvmFlags flags = new JvmFlags();
        flags.scanCommandLine(Arrays.asList("java", "-jar", "app.jar", "-XX:+ExitOnOutOfMemoryError"));
        assertFalse(flags.exitOnOutOfMemoryError());
        assertNull(flags.errorFile());
    }

    @Test
    void the_last_setting_wins_across_the_options_variables_and_the_command_line() {
        JvmFlags flags = new JvmFlags();
        flags.scanOptions("  -XX:+ExitOnOutOfMemoryError   -XX:ErrorFile=/tool/%p.log ");
        flags.scanCommandLine(Arrays.asList("java", "-XX:-ExitOnOutOfMemoryError", "Main"));
        flags.scanOptions("-XX:ErrorFile=/last.log");
        assertFalse(flags.exitOnOutOfMemoryError());
        assertEquals("/last.log", flags.errorFile());
    }

    @Test
    void this_jvms_command_line_is_readable() {
        assertFalse(JvmFlags.commandLine().isEmpty(), "/proc/self/cmdline");
    }
}
