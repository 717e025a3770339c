package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /** Another JVM's flags, from the command and environment it is started with, read in the JVM's order. */
    @Test
    void a_jvm_started_with_a_command_and_an_environment_has_its_flags_read_in_the_jvms_order() {
        List<String> argv = Arrays.asList("java", "-XX:ErrorFile=command.log", "Main", "-XX:ErrorFile=arg.log");
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-XX:ErrorFile=tool.log -XX:+ExitOnOutOfMemoryError",
                "JDK_JAVA_OPTIONS", "-XX:ErrorFile=jdk.log");
        assertEquals("command.log", JvmFlags.of(env, argv).errorFile());
        assertTrue(JvmFlags.of(env, argv).exitOnOutOfMemoryError());
        assertEquals("jdk.log", JvmFlags.of(env, List.of("java", "Main")).errorFile());
        assertEquals("tool.log", JvmFlags.of(Map.of("JAVA_TOOL_OPTIONS", "-XX:ErrorFile=tool.log"),
                List.of("java", "-jar", "app.jar")).errorFile());
        assertEquals("last.log", JvmFlags.of(Map.of("_JAVA_OPTIONS", "-XX:ErrorFile=last.log"), argv).errorFile());
        assertNull(JvmFlags.of(Map.of(), List.of("java", "Main")).errorFile());
    }

    @Test
    void this_jvms_command_line_is_readable() {
        assertFalse(JvmFlags.commandLine().isEmpty(), "/proc/self/cmdline");
    }
}
