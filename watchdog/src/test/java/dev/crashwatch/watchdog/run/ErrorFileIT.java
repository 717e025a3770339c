package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A java child started with its own {@code -XX:ErrorFile} that dies of a fatal error before its agent's hello is
 * counted from the log at that path, wherever the setting is given: the launcher reads it from the command and
 * environment it starts the child with, as HotSpot does. Here the child's first agent, in its
 * {@code JAVA_TOOL_OPTIONS} and so started before crashwatch's, crashes it natively (the samples'
 * {@code CrashingAgent}): crashwatch's agent never runs, and HotSpot writes the log at that path only.
 */
class ErrorFileIT {
    private static final String CRASHING_AGENT = "-javaagent:" + TestJars.samples() + "=native-segv";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "-XX:ErrorFile in {0}")
    @ValueSource(strings = {"command line", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"})
    void a_fatal_error_before_the_hello_is_counted_from_the_log_at_the_error_file_path(String where) throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path logs = Files.createDirectories(w.work().resolve("logs"));
        // On the command line a path relative to the child's working directory, elsewhere an absolute one.
        String setting = "-XX:ErrorFile=" + (where.equals("command line") ? "logs" : logs) + "/custom_%p.log";
        List<String> jvmOptions = where.equals("command line") ? List.of(setting) : List.of();
        ProcessBuilder run = w.run(List.of(), sample(java(), jvmOptions, "ok"), "run");
        String toolOptions = CRASHING_AGENT;
        if (where.equals("JAVA_TOOL_OPTIONS")) {
            toolOptions = setting + " " + CRASHING_AGENT;
        } else if (!where.equals("command line")) {
            run.environment().put(where, setting);
        }
        Watchdog.withChildToolOptions(run, toolOptions);

        assertEquals(134, exitStatus(run), () -> new String(w.errQuietly("run")));
        assertEquals(1, logsIn(logs, "custom_").size(), "HotSpot wrote its log at the ErrorFile path");
        assertEquals(List.of(), logsIn(w.work(), "hs_err_pid"), "and not in its working directory");
        Map<String, Long> counters = w.counters();
        assertEquals(1, counters.size(), () -> counters + "\n" + new String(w.errQuietly("run")));
        String name = counters.keySet().iterator().next();
        assertTrue(name.startsWith("crash/fatal\nSIGSEGV\n"), name);
        assertTrue(name.contains("dev.crashwatch.samples.CrashingAgent.premain"), name);
        assertEquals(1L, counters.get(name));
    }

    private static List<Path> logsIn(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList());
        }
    }
}
