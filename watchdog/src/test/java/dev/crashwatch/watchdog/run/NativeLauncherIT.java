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
import dev.crashwatch.watchdog.store.RunsJournal;
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
 * What only the native launcher ({@code crashwatch-run}) does: SIGQUIT forwarded, no JVM of its own while the child
 * runs, a Java half started only after a crash and never waited for, the child's signal death passed on to the
 * launcher's parent, mode off as a plain {@code exec}, usage errors left to the Java command.
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
    void a_ctrl_c_to_the_process_group_reaches_the_child_and_its_crash_is_still_recorded() throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<String> crash = sample("java", List.of(), "npe");
        String script = "trap '' INT; echo ready; read go; " + String.join(" ", crash);
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        cmd.addAll(w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "ctrl-c").command());
        ProcessBuilder pb = w.direct(cmd, "ctrl-c").redirectInput(ProcessBuilder.Redirect.PIPE);
        Process launcher = pb.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out(w, "ctrl-c").contains("ready"));
        kill("INT", -launcher.pid());
        try (OutputStream go = launcher.getOutputStream()) {
            go.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(1, exitStatus(launcher), () -> new String(w.errQuietly("ctrl-c")));
        assertEquals(1, w.counters("crash/crash\njava.lang.NullPointerException").size(), () -> countersText(w));
    }

    @Test
    void no_jvm_of_crashwatchs_own_runs_while_a_clean_child_runs_nor_after_it() throws Exception {
        Watchdog w = new Watchdog(tmp);
        String script = "echo ready; read go; " + String.join(" ", sample("java", List.of(), "ok"));
        Process launcher = w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "clean")
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out(w, "clean").contains("ready"));
        List<String> tree = launcher.descendants().map(h -> h.info().commandLine().orElse("?")).toList();
        assertEquals(1, tree.size(), () -> "only the child runs under the launcher: " + tree);
        assertTrue(tree.get(0).contains("-c echo ready;"), tree::toString);
        assertTrue(ProcessHandle.allProcesses().noneMatch(h -> h.info().commandLine().orElse("").contains(WATCH_MAIN)
                && h.info().commandLine().orElse("").contains(TestJars.watchdog().toString())),
                "no Java half while the child runs");
        try (OutputStream go = launcher.getOutputStream()) {
            go.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(0, exitStatus(launcher), () -> new String(w.errQuietly("clean")));
        assertEquals(Map.of(), w.counters());
        try (Stream<Path> files = Files.list(w.store())) {
            assertEquals(java.util.Set.of(w.store().resolve("run"), w.store().resolve(RunsJournal.FILE)),
                    java.util.Set.copyOf(files.toList()),
                    "a clean run starts no Java half: nothing but the run directories and the run's journal line");
        }
        assertRunDirsRemoved(w);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kill -ABRT $$ | signal 6",
        "kill -KILL $$ | signal 9",
        "kill -TERM $$ | signal 15",
        "exit 134 | exit 134"})
    void a_parent_sees_the_child_end_the_way_it_did_without_a_core_dump_of_the_launcher(String script, String seen)
            throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<String> child = List.of("sh", "-c", script);
        List<String> cmd = new ArrayList<>(List.of(waitStatus().toString()));
        cmd.addAll(w.runNative(List.of(), List.of(), child, "signal").command());
        assertEquals(0, exitStatus(w.direct(cmd, "waited")));
        assertEquals(seen + "\n", out(w, "waited"));
        w.awaitRecorded();
        assertRunDirsRemoved(w);
    }

    @Test
    void the_picked_up_line_of_a_script_launched_tool_names_no_path_of_the_store() throws Exception {
        Watchdog w = new Watchdog(tmp);
        String script = String.join(" ", sample("java", List.of(), "npe"));
        assertEquals(1, exitStatus(w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "picked")));
        String line = new String(w.err("picked"), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("Picked up JAVA_TOOL_OPTIONS:")).findFirst().orElseThrow();
        assertEquals("Picked up JAVA_TOOL_OPTIONS: -javaagent:" + TestJars.agent() + "=pipe=$CRASHWATCH_PIPE", line);
        assertFalse(line.contains(w.store().toString()), line);
        assertEquals(1, w.counters("crash/crash\njava.lang.NullPointerException").size(), () -> countersText(w));
    }

    /**
     * A Java half that is stopped (SIGSTOP) as it starts - here by a java wrapper that stops itself - never holds up
     * the application's exit: crashwatch-run does not wait for it. Once it runs again, the crash is counted.
     */
    @Test
    void a_stopped_java_half_never_delays_the_exit_and_counts_the_crash_once_it_runs_again() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path stopped = tmp.resolve("java-half.pid");
        Path wrapper = tmp.resolve("stopping-java");
        Files.writeString(wrapper, "#!/bin/sh\necho $$ > '" + stopped + ".tmp'; mv '" + stopped + ".tmp' '" + stopped
                + "'\nkill -STOP $$\nexec '" + java() + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        List<String> cmd = new ArrayList<>(List.of(Watchdog.nativeBinary().toString(), TestJars.agent().toString(),
                wrapper.toString(), "-cp", TestJars.watchdog().toString(), "--"));
        cmd.addAll(sample(java(), List.of(), "npe"));
        Process launcher = w.direct(cmd, "stopped").start();
        assertEquals(1, exitStatus(launcher), () -> new String(w.errQuietly("stopped")));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(stopped));
        long half = Long.parseLong(Files.readString(stopped).trim());
        await().atMost(Duration.ofSeconds(20)).until(() -> state(half) == 'T');
        assertFalse(launcher.isAlive(), "the launcher has exited while its Java half is stopped");
        assertRunDirsRemoved(w);
        kill("CONT", half);
        assertEquals(1, w.counters("crash/crash\njava.lang.NullPointerException").size(), () -> countersText(w));
    }

    /**
     * The store C finds is the one the agent's StoreDir (the one rule) finds in the same environment; a relative
     * CRASHWATCH_DIR is relative to the working directory.
     */
    @ParameterizedTest(name = "CRASHWATCH_DIR=''{0}'' XDG_CONFIG_HOME=''{1}''")
    @CsvSource(delimiter = '|', value = {"STORE | ", " | XDG", "' ' | XDG", "rel/store | XDG"})
    void finds_the_store_where_the_agents_rule_puts_it(String dir, String xdg) throws Exception {
        Watchdog w = new Watchdog(tmp);
        Map<String, String> env = new java.util.HashMap<>();
        if (dir != null) {
            env.put("CRASHWATCH_DIR", dir.equals("STORE") ? w.store().toString() : dir);
        }
        if (xdg != null) {
            env.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        }
        ProcessBuilder pb = w.runNative(List.of(), List.of(), List.of("sh", "-c", "printf %s \"$CRASHWATCH_PIPE\""), "where");
        pb.environment().remove("CRASHWATCH_DIR");
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().putAll(env);
        assertEquals(0, exitStatus(pb), () -> new String(w.errQuietly("where")));
        Path expected = dir != null && dir.startsWith("rel") ? w.work().resolve(dir)
                : dev.crashwatch.agent.StoreDir.dir(null, env).toPath();
        Path pipe = Path.of(out(w, "where"));
        assertEquals(expected.resolve("run"), pipe.getParent().getParent(), pipe::toString);
    }

    /**
     * A run directory that is a symbolic link, or a store others may write to, is not trusted: the command runs bare
     * (its output and status untouched), with one line saying why, and nothing is created through the link.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"run is a link", "the store is world-writable"})
    void an_untrusted_store_or_run_directory_is_refused_and_the_command_runs_bare(String what) throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        if (what.startsWith("run")) {
            Files.createSymbolicLink(w.store().resolve("run"), elsewhere);
        } else {
            Files.setPosixFilePermissions(w.store(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        ProcessBuilder pb = w.runNative(List.of(), List.of(),
                List.of("sh", "-c", "echo \"${CRASHWATCH_PIPE-bare}\"; exit 5"), "refused");
        assertEquals(5, exitStatus(pb));
        assertEquals("bare\n", out(w, "refused"));
        String err = new String(w.err("refused"), StandardCharsets.UTF_8);
        assertEquals("", err, "crashwatch says nothing on the application's stderr (crashwatch status says why)");
        try (Stream<Path> made = Files.list(elsewhere)) {
            assertEquals(List.of(), made.toList(), "nothing created through the link");
        }
    }

    /** CRASHWATCH_MODE is off when its whole value, trimmed, is "off", as the agent's StoreDir reads it. */
    @ParameterizedTest(name = "CRASHWATCH_MODE=''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"off | bare", "' off ' | bare", "off now | agent", "offline | agent",
        "local | agent"})
    void crashwatch_mode_reads_as_the_agents_rule_reads_it(String mode, String seen) throws Exception {
        Watchdog w = new Watchdog(tmp);
        ProcessBuilder pb = w.runNative(List.of(), List.of(),
                List.of("sh", "-c", "[ -n \"${CRASHWATCH_PIPE-}\" ] && echo agent || echo bare"), "mode");
        pb.environment().put("CRASHWATCH_MODE", mode);
        assertEquals(0, exitStatus(pb), () -> new String(w.errQuietly("mode")));
        assertEquals(seen + "\n", out(w, "mode"));
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
        assertEquals("-Dmine=1 -javaagent:" + TestJars.agent() + "=pipe=$CRASHWATCH_PIPE\n", options);
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

    /**
     * The key crashwatch-run writes beside the FIFO's path (C's "%llx:%lld" of its device and inode) is the one the
     * agent reads from the JDK ({@code wire.PipeKey}), so that the agent takes its short way in: here a {@code java}
     * that is a script hands the option crashwatch-run gave it to {@link KeyCheck}, on a real JVM, while the FIFO is
     * there.
     */
    @Test
    void the_fifos_key_the_launcher_writes_is_the_one_the_agent_reads() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path classes = Path.of(KeyCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path fake = Files.writeString(bin.resolve("java"), "#!/bin/sh\nexec '" + java() + "' -cp '" + classes + ":"
                + TestJars.agent() + "' '" + KeyCheck.class.getName() + "' \"$1\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        assertEquals(0, exitStatus(w.runNative(List.of(), List.of(), List.of(fake.toString()), "key")),
                () -> new String(w.errQuietly("key")));
        String seen = out(w, "key");
        assertTrue(seen.matches("pipeKey=[0-9a-f]+:[0-9]+ matches\n"), seen);
        assertRunDirsRemoved(w);
    }

    /** Run as the child's main class: whether the pipeKey in the agent option it is given names the pipe. */
    public static final class KeyCheck {
        public static void main(String[] args) {
            String pipe = null;
            String key = null;
            for (String item : args[0].substring(args[0].indexOf('=') + 1).split(",")) {
                if (item.startsWith("pipe=")) {
                    pipe = item.substring("pipe=".length());
                } else if (item.startsWith("pipeKey=")) {
                    key = item.substring("pipeKey=".length());
                }
            }
            boolean matches = pipe != null && dev.crashwatch.agent.wire.PipeKey.matches(Path.of(pipe), key);
            System.out.println("pipeKey=" + key + (matches ? " matches" : " does not match"));
        }
    }

    /** The process state letter in {@code /proc/PID/stat} ({@code T}: stopped); {@code ?} when it is gone. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '?';
        }
    }

    /** src/test/c/wait-status.c, compiled into the test's directory: what wait(2) tells a parent. */
    private Path waitStatus() throws Exception {
        Path binary = tmp.resolve("wait-status");
        Path source = Path.of(System.getProperty("crashwatch.repo"), "watchdog/src/test/c/wait-status.c");
        Process cc = new ProcessBuilder("cc", "-o", binary.toString(), source.toString()).inheritIO().start();
        assertEquals(0, exitStatus(cc), "cc wait-status.c");
        return binary;
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
            return all + "\n" + new String(w.errQuietly("ctrl-c"));
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
