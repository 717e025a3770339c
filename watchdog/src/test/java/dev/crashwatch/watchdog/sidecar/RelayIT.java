package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay itself ({@code crashwatch-relay}, docs/native.md): what makes it start the Java sidecar, with a stand-in
 * command that keeps what it is given; and, with real JVMs, that a normal exit never starts a Java sidecar and an
 * abrupt death is handed to one and concluded as docs/counting.md says.
 */
class RelayIT extends SidecarTestBase {
    private static final long PID = 4242;
    private static final long OTHER_PID = 4343;
    /** A JVM named on the relay's command line: a pid no other JVM's fatal error log in /tmp will have. */
    private static final String SILENT_PID = "2147480001";

    static Stream<Arguments> inputs() throws IOException {
        byte[] hello = frame(PID, Wire.HELLO, 0, 0, false, "pid=4242\ncwd=/tmp\n");
        byte[] bye = frame(PID, Wire.BYE, 1, 0, false, "handlerReplaced=false\n");
        byte[] twoPartHello = concat(frame(PID, Wire.HELLO, 0, 0, true, "pid=4242\n"),
                frame(PID, Wire.HELLO, 0, 1, false, "cwd=/tmp\n"));
        byte[] otherHello = frame(OTHER_PID, Wire.HELLO, 0, 0, false, "pid=4343\n");
        byte[] otherBye = frame(OTHER_PID, Wire.BYE, 1, 0, false, "");
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        String chunk = "x".repeat(Wire.MAX_PAYLOAD);
        for (int part = 0; part < 300; part++) {
            huge.write(frame(PID, Wire.HELLO, 0, part, part < 299, chunk));
        }
        huge.write(bye);
        return Stream.of(
                Arguments.of("nothing at all", new byte[0], false),
                Arguments.of("hello, bye", concat(hello, bye), false),
                Arguments.of("hello, empty bye", concat(hello, frame(PID, Wire.BYE, 1, 0, false, "")), false),
                Arguments.of("hello in two parts, bye", concat(twoPartHello, bye), false),
                Arguments.of("two JVMs, both say bye", concat(hello, otherHello, otherBye, bye), false),
                Arguments.of("hello, no bye", hello, true),
                Arguments.of("a crash", concat(hello, frame(PID, Wire.CRASH, 1, 0, false, "Exception in thread"), bye),
                        true),
                Arguments.of("bye with handlerReplaced=true",
                        concat(hello, frame(PID, Wire.BYE, 1, 0, false, "handlerReplaced=true\n")), true),
                Arguments.of("garbage", "not a frame\n".getBytes(StandardCharsets.US_ASCII), true),
                Arguments.of("garbage after a hello", concat(hello, "x\n".getBytes(StandardCharsets.US_ASCII), bye),
                        true),
                Arguments.of("a frame cut off", concat(hello, Wire.header(PID, Wire.BYE, 1, 0, false, 50)), true),
                Arguments.of("two JVMs, one without bye", concat(hello, otherHello, bye), true),
                Arguments.of("a hello's last part missing", concat(frame(PID, Wire.HELLO, 0, 0, true, "a=b\n"), bye),
                        true),
                Arguments.of("bye before hello (a JVM that exits at once)", concat(bye, hello), false),
                Arguments.of("a crash after bye", concat(hello, bye, frame(PID, Wire.CRASH, 2, 0, false, "E")), true),
                Arguments.of("a frame of an unknown kind", concat(hello, frame(PID, "NEWS", 1, 0, false, ""), bye),
                        true),
                Arguments.of("a hello larger than the relay holds", huge.toByteArray(), true));
    }

    @ParameterizedTest(name = "{0}: hands over {2}")
    @MethodSource("inputs")
    void the_java_sidecar_is_started_only_when_needed_and_given_every_byte(String what, byte[] input,
            boolean handsOver) throws Exception {
        Path kept = work.resolve("kept");
        Process relay = new ProcessBuilder(SidecarKind.relay().toString(), "/bin/sh", "-c", "cat > \"$0\"",
                kept.toString()).redirectError(work.resolve("relay.err").toFile()).start();
        try (OutputStream in = relay.getOutputStream()) {
            in.write(input);
        }
        assertTrue(relay.waitFor(20, TimeUnit.SECONDS), "relay still running");
        assertEquals(0, relay.exitValue());
        if (handsOver) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(kept) && Files.size(kept) == input.length);
            assertArrayEquals(input, Files.readAllBytes(kept));
        } else {
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !Files.exists(kept));
        }
        assertEquals("", Files.readString(work.resolve("relay.err")), "nothing to say");
    }

    @ParameterizedTest(name = "fatal error log left: {0}")
    @ValueSource(booleans = {false, true})
    void a_silent_end_goes_to_java_only_if_the_named_jvm_left_a_fatal_error_log(boolean logLeft) throws Exception {
        if (logLeft) {
            Files.writeString(work.resolve("hs_err_pid" + SILENT_PID + ".log"), "#\n# A fatal error\n#  SIGSEGV (0xb) at pc=0x1, pid=" + SILENT_PID + ", tid=1\n");
        }
        assertSilentEndHandsOver(logLeft, "--pid", SILENT_PID, "--cwd", work.toString());
    }

    /**
     * With {@code --error-file} (as the agent gives it: {@code %p} unexpanded, relative to {@code --cwd}), the log is
     * looked for at that path first, expanded as HotSpot does; the default places still count.
     */
    @ParameterizedTest(name = "-XX:ErrorFile={0}, log at {1}: hands over {2}")
    @CsvSource({
        "logs/hs_%p_100%%.log, logs/hs_" + SILENT_PID + "_100%.log, true",
        "WORK/abs_%p.log, abs_" + SILENT_PID + ".log, true",
        "logs/hs_%q%.log, logs/hs_%q%.log, true",
        "logs/hs_%p.log, hs_err_pid" + SILENT_PID + ".log, true",
        "logs/hs_%p.log, logs/hs_%p.log, false",
    })
    void a_silent_end_goes_to_java_if_the_named_jvm_left_its_log_at_its_error_file_path(String errorFile,
            String logAt, boolean handsOver) throws Exception {
        Files.createDirectories(work.resolve("logs"));
        Files.writeString(work.resolve(logAt), "#\n# A fatal error\n");
        assertSilentEndHandsOver(handsOver, "--pid", SILENT_PID, "--cwd", work.toString(), "--error-file",
                errorFile.replace("WORK", work.toString()));
    }

    /** Runs the relay with a stand-in command naming a JVM, on a pipe that ends with no frame at all. */
    private void assertSilentEndHandsOver(boolean handsOver, String... namedJvm) throws Exception {
        Path kept = work.resolve("kept");
        List<String> command = new ArrayList<>(List.of(SidecarKind.relay().toString(), "/bin/sh", "-c",
                "echo started > \"$0\"", kept.toString()));
        command.addAll(List.of(namedJvm));
        Process relay = new ProcessBuilder(command).start();
        relay.getOutputStream().close();
        assertTrue(relay.waitFor(20, TimeUnit.SECONDS), "relay still running");
        if (handsOver) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(kept) && Files.size(kept) > 0);
        } else {
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !Files.exists(kept));
        }
    }

    @Test
    void a_sidecar_that_cannot_be_started_is_noted_and_the_relay_exits() throws Exception {
        Process relay = new ProcessBuilder(SidecarKind.relay().toString(), work.resolve("no-java").toString())
                .redirectError(work.resolve("relay.err").toFile()).start();
        try (OutputStream in = relay.getOutputStream()) {
            in.write("garbage\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(relay.waitFor(20, TimeUnit.SECONDS), "relay still running");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(work.resolve("relay.err")).contains(
                "cannot run " + work.resolve("no-java")));
    }

    @Test
    void a_normal_exit_never_starts_a_java_sidecar() throws Exception {
        SampleRun run = SampleRun.start(AttachRoute.FLAG.command(work, "--wait-stdin", "ok"), work,
                SidecarKind.RELAY.env(store));
        Set<Long> relays = new HashSet<>(
                await().atMost(Duration.ofSeconds(30)).until(() -> SidecarProcesses.relays(store.dir()), hasSize(1)));
        Set<Long> javaSidecars = new HashSet<>();
        run.release();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> {
            relays.addAll(SidecarProcesses.relays(store.dir()));
            javaSidecars.addAll(SidecarProcesses.javaSidecars(store.dir()));
            return !run.process().isAlive() && SidecarProcesses.all(store.dir()).isEmpty();
        });
        assertEquals(0, run.awaitExit(), run.stderr());
        assertEquals(1, relays.size(), "relays: " + relays);
        assertEquals(Set.of(), javaSidecars, "Java sidecars");
        assertEquals(Map.of(), store.crashCounts());
        Store counted = Store.at(store.dir());
        assertEquals(1, dev.crashwatch.watchdog.watch.RunsFolder.fold(counted), "the relay journaled the run");
        assertEquals(List.of(1L), counted.counterFiles().stream()
                .map(f -> f.counters().getOrDefault(Store.RUNS_COUNTER, 0L)).toList());
    }

    @Test
    void a_crash_record_of_many_frames_reaches_java_whole() throws Exception {
        // A stack overflow's trace (1024 lines) travels as a dozen frames, most of them after Java was started.
        SampleRun run = SampleRun.start(AttachRoute.FLAG.command(work, "stackoverflow"), work,
                SidecarKind.RELAY.env(store));
        assertEquals(1, run.awaitExit(), run.stderr());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.countOf("crash/crash\njava.lang.StackOverflowError\n") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertEquals(1, store.totalCrashes(), () -> "counted " + store.crashCounts());
    }

    @Test
    void a_jvm_killed_after_its_hello_is_handed_to_java_and_concluded() throws Exception {
        List<String> command = AttachRoute.FLAG.command(work, "--wait-stdin", "ok");
        command.add(1, "-XX:+ExitOnOutOfMemoryError");
        SampleRun run = SampleRun.start(command, work, SidecarKind.RELAY.env(store));
        // The relay is started by the agent's start-up thread, which then sends the hello and ends.
        await().atMost(Duration.ofSeconds(30)).until(() -> SidecarProcesses.relays(store.dir()), hasSize(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !hasThread(run.process().pid(), "crashwatch-star"));
        assertEquals(List.of(), SidecarProcesses.javaSidecars(store.dir()), "no Java sidecar while the JVM lives");

        run.process().destroyForcibly();
        assertEquals(137, run.awaitExit());
        // Without an exit status a kill -9 counts only as the out-of-memory exit the flag announced (counting.md).
        await().atMost(Duration.ofSeconds(30)).until(() -> store.countOf("crash/oom-exit") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertEquals(Map.of("crash/oom-exit", 1L), store.crashCounts());
    }

    /** Whether a thread whose name starts with {@code name} (15 characters at most in /proc) runs in the process. */
    private static boolean hasThread(long pid, String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.anyMatch(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith(name);
                } catch (IOException gone) {
                    return false;
                }
            });
        }
    }

    /** One CW1 frame: its header and payload. */
    static byte[] frame(long pid, String kind, long record, int part, boolean more, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return concat(Wire.header(pid, kind, record, part, more, bytes.length), bytes);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
