package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.launch.PendingRun;
import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sidecar finishes the native launcher's pending runs whose Java half is gone (docs/native.md, "Pending runs"),
 * as every watchdog does, and leaves alone those whose Java half still runs. The pending runs are the real native
 * launcher's, for a real child JVM killed by SIGKILL; its "Java half" is a shell that kills itself at once (a Java
 * half killed before it read anything, every time) or goes on sleeping, so that nothing but the sidecar can finish
 * the run. The sidecars are the real ones of other applications on the same store, started by their agents.
 */
class SidecarPendingRunsIT extends SidecarTestBase {
    private static final Duration COUNTED = Duration.ofSeconds(60);
    private static final String KILLED = "crash/signal/SIGKILL";
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\n";

    @AfterEach
    void noHalfLeftBehind() {
        for (Path p : pendingRuns()) {
            halfOf(p).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void a_run_pending_since_its_java_half_was_killed_is_counted_once_by_the_sidecars_of_other_applications(
            SidecarKind kind) throws Exception {
        runWithJavaHalf("kill -9 $$");
        assertEquals(1, pendingRuns().size(), "the launcher wrote the run down and its Java half did not finish it");
        assertTrue(counted(0, 0), () -> "counted " + store.crashCounts());

        // Two applications at once: their two sidecars race for the run, which counts once.
        List<SampleRun> apps = List.of(app(kind), app(kind));
        for (SampleRun app : apps) {
            assertEquals(1, app.awaitExit(), app.stderr());
        }
        await().atMost(COUNTED).until(() -> counted(1, 2));
        await().atMost(COUNTED).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertTrue(counted(1, 2), () -> "counted " + store.crashCounts());
        assertEquals(List.of(), pendingRuns());
    }

    @Test
    void a_run_whose_java_half_still_runs_is_left_to_it() throws Exception {
        runWithJavaHalf("exec sleep 120");
        List<Path> pending = pendingRuns();
        assertEquals(1, pending.size());
        long half = halfOf(pending.get(0)).orElseThrow();
        assertTrue(ProcessHandle.of(half).map(ProcessHandle::isAlive).orElse(false), "the half sleeps on");

        SampleRun app = app(SidecarKind.JVM);
        assertEquals(1, app.awaitExit(), app.stderr());
        await().atMost(COUNTED).until(() -> SidecarProcesses.all(store.dir()).isEmpty()); // it waits for its finisher
        assertTrue(counted(0, 1), () -> "counted " + store.crashCounts());
        assertEquals(pending, pendingRuns(), "a live Java half's run is its own");

        ProcessHandle.of(half).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(COUNTED).until(() -> SidecarProcesses.gone(half));
        SampleRun next = app(SidecarKind.JVM);
        assertEquals(1, next.awaitExit(), next.stderr());
        await().atMost(COUNTED).until(() -> counted(1, 2));
        await().atMost(COUNTED).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertTrue(counted(1, 2), () -> "counted " + store.crashCounts());
        assertEquals(List.of(), pendingRuns(), "once its half is gone, the next sidecar finishes it");
    }

    /**
     * {@code crashwatch-run} with a child JVM that kills itself (SIGKILL: only Java concludes that, so the launcher
     * writes a pending run) and a "Java half" that is {@code sh -c HALF}: the launcher writes the run down in the
     * process that then becomes the shell, so the pending run names the shell as its Java half.
     */
    private void runWithJavaHalf(String half) throws Exception {
        Path launcher = TestJars.home().resolve("crashwatch-run");
        RequiredTool.require(Files.isExecutable(launcher), launcher + " was not built (no C compiler)");
        Path script = work.resolve("half.sh");
        Files.writeString(script, half + "\n");
        List<String> command = List.of(launcher.toString(), TestJars.agent().toString(), "/bin/sh", script.toString(),
                "--", "--", java(), "-cp", TestJars.samples().toString(), "dev.crashwatch.samples.Crash", "kill-self");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("run.out").toFile()).redirectError(work.resolve("run.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(store.env());
        Process run = pb.start();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
        assertEquals(137, run.exitValue(), Files.readString(work.resolve("run.err")));
    }

    /** Whether the store holds exactly {@code killed} deaths by SIGKILL and {@code npes} uncaught exceptions. */
    private boolean counted(long killed, long npes) {
        return store.countOf(KILLED) == killed && store.countOf(NPE) == npes && store.totalCrashes() == killed + npes;
    }

    /** An application that crashes (an uncaught exception) with the agent, whose sidecar is of {@code kind}. */
    private SampleRun app(SidecarKind kind) throws IOException {
        return SampleRun.start(AttachRoute.FLAG.command(work, "npe"), work, kind.env(store));
    }

    private List<Path> pendingRuns() {
        Path spool = store.dir().resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pending")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Java half's pid a pending run names: its first field, {@code half=<pid>}, after the first line. */
    private static Optional<Long> halfOf(Path pending) {
        try {
            String file = new String(Files.readAllBytes(pending), StandardCharsets.ISO_8859_1);
            String field = file.substring(file.indexOf('\n') + 1, file.indexOf('\0'));
            return field.startsWith(PendingRun.HALF)
                    ? Optional.of(Long.parseLong(field.substring(PendingRun.HALF.length()))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
