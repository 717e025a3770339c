package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The relay spools what it hands over (docs/native.md, "crashwatch-relay"): before it starts the Java sidecar it
 * writes each whole crash record it holds to the store's spool and names it with {@code --spooled}, and the Java
 * sidecar counts it by that copy. So a Java sidecar killed (or stopped) while it boots loses nothing: the next
 * watchdog ({@code crashwatch status}, which counts the spool first) counts the crash, once; and the normal path
 * still counts each crash once. First with a stand-in command that keeps what it is given, then with real JVMs.
 */
class RelaySpoolIT extends SidecarTestBase {
    private static final long PID = 4242;
    private static final String START = "1700000000123";
    private static final String NAME = PID + "-" + START + "-1.cw1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\n";

    private final byte[] hello = frame(Wire.HELLO, 0, 0, false, "pid=4242\nstartMillis=" + START + "\ncwd=/tmp\n");
    private final byte[] bye = frame(Wire.BYE, 2, 0, false, "");

    @Test
    void a_whole_crash_record_of_several_frames_is_spooled_with_its_hello_and_named_to_java() throws Exception {
        byte[] crash = concat(frame(Wire.CRASH, 1, 0, true, "Exception in thread \"main\" java.lang.Error\n"),
                frame(Wire.CRASH, 1, 1, true, "\tat a.B.c(B.java:1)\n"), frame(Wire.CRASH, 1, 2, false, "\tat d.E.f(E.java:2)\n"));
        Stand stand = relay(concat(hello, crash, bye));
        assertEquals(List.of("--spooled", NAME), stand.args());
        assertArrayEquals(concat(hello, crash), Files.readAllBytes(spool().resolve(NAME)), "the agent's spool format");
        assertEquals(List.of(NAME), spooled());
    }

    @Test
    void nothing_crash_like_held_leaves_the_spool_untouched() throws Exception {
        Stand stand = relay(concat(hello, "not a frame\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(), stand.args());
        assertFalse(Files.exists(spool()), "the spool directory was made");
    }

    @Test
    void a_crash_record_cut_by_the_end_of_the_pipe_is_left_to_java() throws Exception {
        Stand stand = relay(concat(hello, frame(Wire.CRASH, 1, 0, true, "Exception in thread \"main\"\n")));
        assertEquals(List.of(), stand.args());
        assertEquals(List.of(), spooled());
    }

    @Test
    void a_crash_record_whose_last_part_does_not_come_is_handed_over_unspooled_after_the_agents_budget()
            throws Exception {
        byte[] first = concat(hello, frame(Wire.CRASH, 1, 0, true, "Exception in thread \"main\"\n"));
        byte[] rest = concat(frame(Wire.CRASH, 1, 1, false, "\tat a.B.c(B.java:1)\n"), bye);
        Process relay = standIn();
        OutputStream in = relay.getOutputStream();
        in.write(first);
        in.flush();
        // The relay waits for the record's last part no longer than the agent's budget, then starts Java anyway.
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(work.resolve("kept.args")));
        in.write(rest);
        in.close();
        Stand stand = handedOver(relay, concat(first, rest));
        assertEquals(List.of(), stand.args());
        assertEquals(List.of(), spooled());
    }

    @Test
    void a_crash_record_without_its_hello_is_left_to_java() throws Exception {
        Stand stand = relay(frame(Wire.CRASH, 1, 0, false, "Exception in thread \"main\"\n"));
        assertEquals(List.of(), stand.args());
        assertEquals(List.of(), spooled());
    }

    @Test
    void a_crash_record_the_agent_spooled_itself_is_left_to_its_copy() throws Exception {
        Files.createDirectories(spool());
        byte[] agents = "the agent's copy".getBytes(StandardCharsets.US_ASCII);
        Files.write(spool().resolve(NAME), agents);
        Stand stand = relay(concat(hello, frame(Wire.CRASH, 1, 0, false, "Exception in thread \"main\"\n"), bye));
        assertEquals(List.of(), stand.args(), "not named: Java counts the pipe's copy and the agent's as one");
        assertArrayEquals(agents, Files.readAllBytes(spool().resolve(NAME)));
    }

    @Test
    void a_java_sidecar_killed_while_it_boots_loses_no_crash_it_was_handed() throws Exception {
        SampleRun run = startSample();
        long javaSidecar = stopJavaSidecarAtItsStart(run);
        assertEquals(1, spooled().size(), "spooled by the relay before the Java sidecar started: " + spooled());
        signal("KILL", javaSidecar);
        assertEquals(1, run.awaitExit(), run.stderr());
        await().atMost(WAIT).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertEquals(0, store.countOf(NPE), "counted by a Java sidecar that was stopped at once");

        assertEquals(0, status());
        assertEquals(1, store.countOf(NPE));
        assertEquals(List.of(), spooled());
        assertEquals(0, status());
        assertEquals(1, store.countOf(NPE), "counted once");
    }

    @Test
    void a_java_sidecar_stopped_while_the_next_watchdog_counts_the_spool_does_not_count_the_crash_again()
            throws Exception {
        SampleRun run = startSample();
        long javaSidecar = stopJavaSidecarAtItsStart(run);
        assertEquals(1, run.awaitExit(), run.stderr());
        assertEquals(0, status());
        assertEquals(1, store.countOf(NPE));
        signal("CONT", javaSidecar);
        await().atMost(WAIT).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertEquals(1, store.countOf(NPE), "the Java sidecar counted the pipe's copy too");
        assertEquals(1, store.totalCrashes(), () -> "counted " + store.crashCounts());
    }

    @Test
    void an_undisturbed_java_sidecar_counts_the_crash_once_by_the_relays_copy() throws Exception {
        SampleRun run = startSample();
        run.release();
        assertEquals(1, run.awaitExit(), run.stderr());
        await().atMost(WAIT).until(() -> store.countOf(NPE) == 1);
        await().atMost(WAIT).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertEquals(1, store.totalCrashes(), () -> "counted " + store.crashCounts());
        assertEquals(List.of(), spooled());
        assertTrue(counterFilesText().contains("\"spool/" + run.process().pid() + "-"),
                "counted under the spool's ID: " + counterFilesText());
        assertEquals(0, status());
        assertEquals(1, store.countOf(NPE), "counted once");
    }

    private SampleRun startSample() throws IOException {
        SampleRun run = SampleRun.start(AttachRoute.FLAG.command(work, "--wait-stdin", "npe"), work,
                SidecarKind.RELAY.env(store));
        await().atMost(WAIT).until(() -> SidecarProcesses.relays(store.dir()), hasSize(1));
        return run;
    }

    /** Releases the sample (it crashes at once) and stops the Java sidecar the relay starts as soon as it is seen. */
    private long stopJavaSidecarAtItsStart(SampleRun run) throws Exception {
        run.release();
        long javaSidecar = await().atMost(WAIT).pollInterval(Duration.ofMillis(1))
                .until(() -> SidecarProcesses.javaSidecars(store.dir()), hasSize(1)).get(0);
        signal("STOP", javaSidecar);
        return javaSidecar;
    }

    /** The next watchdog: {@code crashwatch status}, which counts the spool first. */
    private int status() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", TestJars.watchdog().toString(), "dev.crashwatch.watchdog.cli.Main", "status")
                .redirectOutput(work.resolve("status.out").toFile()).redirectError(work.resolve("status.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(store.env());
        Process status = builder.start();
        assertTrue(status.waitFor(1, TimeUnit.MINUTES), "status still running");
        return status.exitValue();
    }

    /** What a stand-in for the Java sidecar was given: its arguments after the relay's own. */
    private record Stand(List<String> args) {
    }

    /** Runs the relay on {@code input} with a stand-in Java sidecar; its stdin must be every byte of the input. */
    private Stand relay(byte[] input) throws Exception {
        Process relay = standIn();
        try (OutputStream in = relay.getOutputStream()) {
            in.write(input);
        }
        return handedOver(relay, input);
    }

    /** The relay with a stand-in Java sidecar that notes its arguments (kept.args), then keeps its stdin (kept). */
    private Process standIn() throws IOException {
        Files.createDirectories(store.dir());
        return new ProcessBuilder(SidecarKind.relay().toString(), "/bin/sh", "-c",
                "shift 2; printf '%s\\n' \"$@\" > \"$0.args.tmp\"; mv \"$0.args.tmp\" \"$0.args\"; cat > \"$0\"",
                work.resolve("kept").toString(), "--dir", store.dir().toString())
                .redirectError(work.resolve("relay.err").toFile()).start();
    }

    /** What the stand-in was given, once the relay is done: every byte of {@code input} on its stdin. */
    private Stand handedOver(Process relay, byte[] input) throws Exception {
        Path kept = work.resolve("kept");
        Path args = work.resolve("kept.args");
        assertTrue(relay.waitFor(20, TimeUnit.SECONDS), "relay still running");
        assertEquals(0, relay.exitValue());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(args) && Files.exists(kept)
                && Files.size(kept) == input.length);
        assertArrayEquals(input, Files.readAllBytes(kept));
        assertEquals("", Files.readString(work.resolve("relay.err")), "nothing to say");
        return new Stand(Files.readAllLines(args).stream().filter(a -> !a.isEmpty()).toList());
    }

    private Path spool() {
        return store.dir().resolve("spool");
    }

    /** The spool's files (temporary ones too). */
    private List<String> spooled() throws IOException {
        if (!Files.isDirectory(spool())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String counterFilesText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(store.dir().resolve("counters"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                text.append(Files.readString(f));
            }
        }
        return text.toString();
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
    }

    private static byte[] frame(String kind, long record, int part, boolean more, String payload) {
        return RelayIT.frame(PID, kind, record, part, more, payload);
    }

    private static byte[] concat(byte[]... parts) {
        return RelayIT.concat(parts);
    }
}
