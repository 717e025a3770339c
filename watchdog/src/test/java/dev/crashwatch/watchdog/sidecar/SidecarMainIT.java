package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Bye;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sidecar's watchdog side, fed by the test: {@code SidecarMain} reads frames from its stdin as an agent would
 * write them, for a "JVM" that is a process the test controls — read by the JVM directly, and through the relay in
 * front of it. (The agent's own sidecar ITs start both for real.)
 */
class SidecarMainIT {
    private static final Duration DONE = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private Process watched;
    private Process sidecar;

    /** What reads the pipe: SidecarMain itself, or the relay that starts it when needed. */
    enum Feed {
        DIRECT, RELAY
    }

    @AfterEach
    void stop() {
        for (Process p : new Process[] {watched, sidecar}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        for (long pid : SidecarProcesses.all(store())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Path store() {
        return tmp.resolve("store");
    }

    /** Starts the process whose pid the hello names (unless the test did), and the sidecar with its stdin open. */
    private OutputStream start(Feed feed, String... moreArgs) throws IOException {
        if (watched == null) {
            watched = new ProcessBuilder("sleep", "60").start();
        }
        List<String> command = new ArrayList<>();
        if (feed == Feed.RELAY) {
            command.add(SidecarKind.relay().toString());
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", TestJars.watchdog().toString(),
                "dev.crashwatch.watchdog.sidecar.SidecarMain", "--dir", store().toString(), "--program", "side"));
        command.addAll(List.of(moreArgs));
        sidecar = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("sidecar.out").toFile())
                .redirectError(tmp.resolve("sidecar.err").toFile())
                .start();
        return sidecar.getOutputStream();
    }

    /** The sidecar is done: the process the test started is gone, and so is any Java sidecar a relay started. */
    private boolean done() {
        return !sidecar.isAlive() && SidecarProcesses.all(store()).isEmpty();
    }

    private void send(OutputStream in, String kind, long record, String payload) throws IOException {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        in.write(Wire.header(watched.pid(), kind, record, 0, false, bytes.length));
        in.write(bytes);
        in.flush();
    }

    private String hello(boolean exitOnOom) {
        return "pid=" + watched.pid() + "\nstartMillis=" + (System.currentTimeMillis() - 1000) + "\njavaVersion=17.0.15\n"
                + "main=app.Main\ncwd=" + tmp + "\ntmpdir=" + tmp + "\nexitOnOutOfMemoryError=" + exitOnOom + "\n";
    }

    private Map<String, Long> counters() throws IOException {
        Map<String, Long> all = new HashMap<>();
        for (CounterFile f : Store.at(store()).counterFiles()) {
            f.counters().forEach((k, v) -> all.merge(k, v, Long::sum));
        }
        return all;
    }

    /** True once the process ignores {@code signal} (its SigIgn mask in /proc): the sidecar's handlers are in. */
    private static boolean ignores(Process p, int signal) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (signal - 1))) != 0;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private void assertSilent() throws IOException {
        assertArrayEquals(new byte[0], Files.readAllBytes(tmp.resolve("sidecar.out")), "nothing on stdout");
        assertArrayEquals(new byte[0], Files.readAllBytes(tmp.resolve("sidecar.err")), "nothing on stderr");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_jvm_that_says_bye_ends_the_sidecar_within_a_second_having_counted_nothing(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(false));
        send(in, Wire.BYE, 1, "handlerReplaced=false\n");
        in.close();
        await().atMost(Duration.ofSeconds(1)).until(this::done);
        assertEquals(Map.of(), counters());
        assertSilent();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_crash_record_is_counted(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(false));
        send(in, Wire.CRASH, 1, "Exception in thread \"main\" java.lang.IllegalStateException: secret\n"
                + "\tat app.Main.main(Main.java:3)\n");
        send(in, Wire.BYE, 2, "");
        in.close();
        await().atMost(DONE).until(this::done);
        Map<String, Long> counters = counters();
        assertEquals(1, counters.size(), counters::toString);
        assertTrue(counters.keySet().iterator().next().startsWith("crash/crash\njava.lang.IllegalStateException\napp.Main.main"));
        assertSilent();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_bye_saying_the_crash_hook_was_replaced_is_counted_as_a_blind_spot(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(false));
        send(in, Wire.BYE, 1, "handlerReplaced=true\n");
        in.close();
        await().atMost(DONE).until(this::done);
        assertEquals(Map.of(Bye.HANDLER_REPLACED_COUNTER, 1L), counters());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void garbage_on_the_pipe_is_counted_as_malformed_and_kept(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(false));
        in.write("not a frame\n".getBytes(StandardCharsets.US_ASCII));
        send(in, Wire.BYE, 1, "");
        in.close();
        await().atMost(DONE).until(this::done);
        assertEquals(Map.of("crash/malformed", 1L), counters());
        List<Path> kept = Store.at(store()).malformedFiles();
        assertEquals(1, kept.size(), kept::toString);
        assertEquals("not a frame\n", Files.readString(kept.get(0), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_jvm_gone_without_bye_under_exit_on_oom_counts_an_oom_exit_once_it_is_gone(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(true));
        in.close();
        // The Java sidecar waits for the JVM to be gone (behind the relay, a Java sidecar the relay started).
        await().pollDelay(Duration.ofMillis(200)).atMost(DONE)
                .until(() -> !SidecarProcesses.javaSidecars(store()).isEmpty());
        assertEquals(Map.of(), counters());
        watched.destroyForcibly().waitFor();
        await().atMost(DONE).until(this::done);
        assertEquals(Map.of("crash/oom-exit", 1L), counters());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_fatal_error_log_left_by_the_jvm_is_counted(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(false));
        writeFatalErrorLogOfWatched();
        watched.destroyForcibly().waitFor();
        in.close();
        awaitOneFatalSigsegvCounted();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_jvm_named_on_the_command_line_that_died_before_its_hello_is_found_by_its_fatal_error_log(Feed feed)
            throws Exception {
        watched = new ProcessBuilder("sleep", "60").start();
        OutputStream in = start(feed, "--pid", Long.toString(watched.pid()), "--cwd", tmp.toString(), "--started",
                Long.toString(System.currentTimeMillis() - 1000));
        watched.destroyForcibly().waitFor();
        writeFatalErrorLogOfWatched();
        in.close();
        awaitOneFatalSigsegvCounted();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void a_jvm_named_with_its_error_file_that_died_before_its_hello_is_found_by_its_log_at_that_path(Feed feed)
            throws Exception {
        // A real JVM that never says hello (no agent: the extreme case) dies of a fatal error; HotSpot writes its log
        // at the -XX:ErrorFile path only, which the command line names as the agent does: as given, %p unexpanded.
        String errorFile = tmp.resolve("logs") + "/custom_%p.log";
        Files.createDirectories(tmp.resolve("logs"));
        watched = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ErrorFile=" + errorFile, "-cp", TestJars.samples().toString(),
                "dev.crashwatch.samples.sidecar.FlagApp", "--wait-stdin", "native-segv")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("jvm.out").toFile())
                .start();
        OutputStream in = start(feed, "--pid", Long.toString(watched.pid()), "--cwd", tmp.toString(), "--started",
                Long.toString(System.currentTimeMillis() - 1000), "--error-file", errorFile);
        try (OutputStream gate = watched.getOutputStream()) {
            gate.write('\n');
        }
        assertTrue(watched.waitFor(60, TimeUnit.SECONDS), "the crashing JVM did not end");
        assertEquals(134, watched.exitValue(), "a fatal error ends in SIGABRT");
        assertTrue(Files.exists(tmp.resolve("logs/custom_" + watched.pid() + ".log")), "HotSpot wrote its log there");
        assertFalse(Files.exists(tmp.resolve("hs_err_pid" + watched.pid() + ".log")), "and not in its cwd");
        in.close();
        awaitOneFatalSigsegvCounted();
    }

    /** A real hs_err log (from the corpus) where HotSpot would have put the watched JVM's. */
    private void writeFatalErrorLogOfWatched() throws IOException {
        try (InputStream log = getClass().getResourceAsStream("/corpus/real/jdk17/hserr-native-segv.log")) {
            Files.write(tmp.resolve("hs_err_pid" + watched.pid() + ".log"), log.readAllBytes());
        }
    }

    private void awaitOneFatalSigsegvCounted() throws IOException {
        await().atMost(DONE).until(this::done);
        Map<String, Long> counters = counters();
        assertEquals(1, counters.size(), counters::toString);
        assertTrue(counters.keySet().iterator().next().startsWith("crash/fatal\nSIGSEGV\n"), counters::toString);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void sigint_and_sighup_do_not_stop_the_sidecar(Feed feed) throws Exception {
        OutputStream in = start(feed);
        send(in, Wire.HELLO, 0, hello(false));
        await().atMost(DONE).until(() -> ignores(sidecar, 2) && ignores(sidecar, 1));
        for (String signal : List.of("INT", "HUP")) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(sidecar.pid())).start().waitFor();
        }
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sidecar.isAlive());
        send(in, Wire.BYE, 1, "");
        in.close();
        await().atMost(Duration.ofSeconds(2)).until(this::done);
        assertEquals(0, sidecar.exitValue());
    }
}
