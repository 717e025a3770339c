package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What only the native launcher ({@code crashwatch-run}) does: SIGQUIT forwarded, a Java half that outlives the
 * user's Ctrl-C and the launcher itself, mode off as a plain {@code exec}, usage errors left to the Java command.
 * The behaviour both launchers share is tested through {@link Watchdog} for each (PipelineIT, MalformedIT, ...).
 */
class NativeLauncherIT {
    private static final String WATCH_MAIN = "dev.crashwatch.watchdog.launch.WatchMain";

    @TempDir
    Path tmp;

    @BeforeEach
    void nativeLauncherBuilt() {
        RequiredTool.require(Files.isExecutable(Watchdog.nativeBinary()),
                Watchdog.nativeBinary() + " was not built (no C compiler)");
    }

    @Test
    void sigquit_reaches_the_child_which_prints_its_thread_dump_and_runs_on() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Process launcher = w.runNative(List.of(), List.of(), sample(java(), List.of(), "sleep", "60000"), "quit").start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out(w, "quit").contains("starting"));
        kill("QUIT", launcher.pid());
        await().atMost(Duration.ofSeconds(20)).until(() -> out(w, "quit").contains("Full thread dump"));
        assertTrue(launcher.isAlive(), "the child runs on after its thread dump");
        kill("TERM", launcher.pid());
        assertEquals(128 + 15, exitStatus(launcher));
        assertEquals(1, count(out(w, "quit"), "Full thread dump"), "one dump, the child's: the Java half has none");
        assertRunDirsRemoved(w);
    }

    @Test
    void the_java_half_ignores_a_ctrl_c_to_the_process_group_and_still_records() throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<String> crash = sample("java", List.of(), "npe");
        String script = "trap '' INT; echo ready; read go; " + String.join(" ", crash);
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        cmd.addAll(w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "ctrl-c").command());
        ProcessBuilder pb = w.direct(cmd, "ctrl-c").redirectInput(ProcessBuilder.Redirect.PIPE);
        Process launcher = pb.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out(w, "ctrl-c").contains("ready"));
        ProcessHandle javaHalf = javaHalf(launcher);
        await().atMost(Duration.ofSeconds(20)).until(() -> readsThePipe(javaHalf));
        kill("INT", -launcher.pid());
        try (OutputStream go = launcher.getOutputStream()) {
            go.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(1, exitStatus(launcher), () -> new String(w.errQuietly("ctrl-c")));
        assertEquals(1, w.counters("crash/crash\njava.lang.NullPointerException").size(), () -> countersText(w));
    }

    @Test
    void a_crash_after_the_launcher_was_killed_is_still_recorded() throws Exception {
        Watchdog w = new Watchdog(tmp);
        String script = "echo ready; read go; " + String.join(" ", sample("java", List.of(), "npe"));
        Process launcher = w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "orphan")
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out(w, "orphan").contains("ready"));
        ProcessHandle javaHalf = javaHalf(launcher);
        OutputStream go = launcher.getOutputStream();
        launcher.destroyForcibly().waitFor();
        try (go) {
            go.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !javaHalf.isAlive());
        assertEquals(1, w.counters("crash/crash\njava.lang.NullPointerException").size(), () -> countersText(w));
    }

    @Test
    void mode_off_execs_the_command_itself_without_the_agent() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Files.writeString(w.store().resolve("mode"), "off 2026-11-23\n");
        Process launcher = w.runNative(List.of(), List.of(),
                List.of("sh", "-c", "echo \"$$ ${JAVA_TOOL_OPTIONS-none}\"; exit 4"), "off").start();
        assertEquals(4, exitStatus(launcher));
        assertEquals(launcher.pid() + " none\n", out(w, "off"), "the command is the launcher's own process, bare");
        assertFalse(Files.exists(w.store().resolve("run")), "no run directory in mode off");
    }

    @Test
    void a_command_that_cannot_start_exits_127_and_leaves_no_run_directory() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Process launcher = w.runNative(List.of(), List.of(), List.of(tmp.resolve("no-such-program").toString()), "missing").start();
        assertEquals(127, exitStatus(launcher));
        assertTrue(new String(w.err("missing")).contains("crashwatch run: cannot run"), () -> new String(w.errQuietly("missing")));
        assertRunDirsRemoved(w);
    }

    @ParameterizedTest(name = "{0}: the Java command reports it")
    @CsvSource(delimiter = '|', value = {
        "--bogus -- true | unknown option --bogus",
        "--program | --program needs a value",
        "--program a,b -- true | must not contain",
        "--version 1 -- | no command to run"})
    void usage_errors_are_reported_by_the_java_command(String args, String message) throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<String> cmd = new ArrayList<>(List.of(Watchdog.nativeBinary().toString(), TestJars.agent().toString(),
                java(), "-cp", TestJars.watchdog().toString(), "--"));
        cmd.addAll(List.of(args.split(" ")));
        assertEquals(2, exitStatus(w.direct(cmd, "usage")));
        String err = new String(w.err("usage"));
        assertTrue(err.startsWith("crashwatch run: ") && err.contains(message), err);
    }

    @Test
    void the_users_java_tool_options_reach_a_script_child_beside_the_agent() throws Exception {
        Watchdog w = new Watchdog(tmp);
        ProcessBuilder pb = w.runNative(List.of(), List.of(), List.of("sh", "-c", "echo \"$JAVA_TOOL_OPTIONS\""), "tool");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dmine=1");
        assertEquals(0, exitStatus(pb));
        String options = out(w, "tool");
        assertTrue(options.startsWith("-Dmine=1 -javaagent:" + TestJars.agent() + "=pipe=" + w.store().resolve("run")), options);
        assertRunDirsRemoved(w);
    }

    @Test
    void the_users_java_tool_options_reach_the_child_when_the_java_command_does_the_run() throws Exception {
        Watchdog w = new Watchdog(tmp);
        // No agent jar where it is named: crashwatch-run hands the whole run to the Java command.
        List<String> cmd = List.of(Watchdog.nativeBinary().toString(), tmp.resolve("no-agent.jar").toString(), java(),
                "-cp", TestJars.watchdog().toString(), "--", "--", "sh", "-c", "echo \"$JAVA_TOOL_OPTIONS\"");
        ProcessBuilder pb = w.direct(cmd, "handed");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dmine=1");
        assertEquals(0, exitStatus(pb), () -> new String(w.errQuietly("handed")));
        String options = out(w, "handed");
        assertTrue(options.startsWith("-Dmine=1 -javaagent:") && options.contains("=pipe="), options);
        assertFalse(new String(w.err("handed")).contains("Picked up JAVA_TOOL_OPTIONS"), "not the Java command's own");
    }

    /** The launcher's Java half: its child that runs WatchMain. */
    private static ProcessHandle javaHalf(Process launcher) {
        await().atMost(Duration.ofSeconds(20)).until(() -> findJavaHalf(launcher).isPresent());
        return findJavaHalf(launcher).get();
    }

    private static Optional<ProcessHandle> findJavaHalf(Process launcher) {
        return launcher.toHandle().children().filter(h -> h.info().commandLine().orElse("").contains(WATCH_MAIN)).findFirst();
    }

    /** True once the process holds the crash pipe open (Linux: /proc/PID/fd). */
    private static boolean readsThePipe(ProcessHandle p) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().endsWith("crash.pipe");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static void kill(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", Long.toString(pid)).inheritIO().start().waitFor();
    }

    private static String out(Watchdog w, String name) throws IOException {
        return new String(w.out(name), StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String countersText(Watchdog w) {
        try {
            Map<String, Long> all = w.counters();
            return all + "\n" + new String(w.errQuietly("ctrl-c")) + new String(w.errQuietly("orphan"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void assertRunDirsRemoved(Watchdog w) throws IOException {
        Path runs = w.store().resolve("run");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> left = Files.list(runs)) {
                assertEquals(List.of(), left.toList(), "private run directories are removed");
            }
        }
    }
}
