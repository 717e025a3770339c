package dev.crashwatch.watchdog.sidecar;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kill -9 and SIGSTOP of the sidecar (the Java sidecar alone, and the native relay with the Java sidecar it starts)
 * at random instants around the application's crash (issue 15's standing suite,
 * a bounded loop): the application's exit status is passed on and its exit is never held up by the watchdog, no
 * file in the store is left corrupt, and a crash counted is never lost. A crash that was only in the pipe when its
 * sidecar was killed was never acknowledged; one the agent could not write (the pipe already dead) is spooled and
 * counted by the next command that reads the store. The figures go to docs/reliability.md.
 */
class WatchdogKillIT extends SidecarTestBase {
    static final int ROUNDS = 6;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Generous bound on the application's exit after its crash with the watchdog killed or stopped (loaded CI). */
    private static final long EXIT_BOUND_MILLIS = 4000;
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\n";

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void killing_the_sidecar_at_random_instants_corrupts_nothing_and_loses_nothing_acknowledged(SidecarKind kind)
            throws Exception {
        Random random = new Random(15);
        long counted = 0;
        List<Long> exits = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            SampleRun run = SampleRun.start(AttachRoute.FLAG.command(work, "--wait-stdin", "npe"), work,
                    kind.env(store));
            await().atMost(WAIT).until(() -> SidecarProcesses.of(store.dir()), hasSize(1));
            long delay = random.nextInt(400);
            CompletableFuture<Long> exited = run.process().onExit().thenApply(p -> System.nanoTime());
            long start = System.nanoTime();
            run.release();
            Thread.sleep(delay); // the random instant of the kill is the point of this test
            // The relay, and the Java sidecar it may have started by now: every watchdog process of the store.
            SidecarProcesses.all(store.dir()).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
            assertEquals(1, run.awaitExit(), run.stderr());
            long exitMillis = (exited.get() - start) / 1_000_000;
            exits.add(exitMillis);
            assertTrue(exitMillis < delay + EXIT_BOUND_MILLIS, "exit took " + exitMillis + " ms, kill at " + delay);
            await().atMost(WAIT).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
            assertNothingCorrupt(true);
            long now = countedAfterTheSpool();
            assertTrue(now >= counted && now <= counted + 1, "round " + round + ": " + counted + " then " + now);
            counted = now;
        }
        report(kind, "kill -9 at 0-400 ms", exits);
        // A last crash with no kill: counted, and its write replaces what a killed writer left.
        assertEquals(1, SampleRun.start(AttachRoute.FLAG.command(work, "npe"), work, kind.env(store)).awaitExit());
        long before = counted;
        await().atMost(WAIT).until(() -> store.countOf(NPE) == before + 1);
        await().atMost(WAIT).until(() -> SidecarProcesses.all(store.dir()).isEmpty());
        assertNothingCorrupt(false);
    }

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void a_stopped_sidecar_neither_delays_the_exit_nor_loses_the_crash_once_it_goes_on(SidecarKind kind)
            throws Exception {
        List<Long> exits = new ArrayList<>();
        for (int round = 0; round < ROUNDS / 2; round++) {
            SampleRun run = SampleRun.start(AttachRoute.FLAG.command(work, "--wait-stdin", "npe"), work,
                    kind.env(store));
            long sidecar = await().atMost(WAIT).until(() -> SidecarProcesses.of(store.dir()), hasSize(1)).get(0);
            signal("STOP", sidecar);
            long start = System.nanoTime();
            run.release();
            assertEquals(1, run.awaitExit(), run.stderr());
            long exitMillis = (System.nanoTime() - start) / 1_000_000;
            exits.add(exitMillis);
            assertTrue(exitMillis < EXIT_BOUND_MILLIS, "exit took " + exitMillis + " ms with the sidecar stopped");
            signal("CONT", sidecar);
            int expected = round + 1;
            await().atMost(WAIT).until(() -> store.countOf(NPE) == expected);
            assertNothingCorrupt(false);
        }
        report(kind, "SIGSTOP", exits);
    }

    /** The figures for docs/reliability.md: the application's exit after its release (it crashes at once). */
    private static void report(SidecarKind kind, String what, List<Long> exits) {
        List<Long> sorted = new ArrayList<>(exits);
        Collections.sort(sorted);
        System.out.println("WatchdogKillIT " + kind + " " + what + ": the application from its release (it crashes at once) to its exit, "
                + sorted.size() + " rounds: median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms");
    }

    private long countedAfterTheSpool() throws Exception {
        Path spool = store.dir().resolve("spool");
        if (Files.isDirectory(spool)) {
            try (Stream<Path> files = Files.list(spool)) {
                if (files.findAny().isPresent()) {
                    dev.crashwatch.watchdog.watch.SpooledCrashes.countAll(Store.at(store.dir()), message -> { });
                }
            }
        }
        return store.countOf(NPE);
    }

    /**
     * Every counter file reads. {@code afterKill}: a writer killed between writing its temporary file and renaming it
     * leaves that file ({@code .<counter file>.tmp}, a name of its own that the next write of that counter file
     * replaces; readers skip it); else no temporary file at all.
     */
    private void assertNothingCorrupt(boolean afterKill) throws Exception {
        Store s = Store.at(store.dir());
        assertEquals(List.of(), s.unreadableFiles());
        s.counterFiles();
        Path counters = store.dir().resolve("counters");
        if (Files.isDirectory(counters)) {
            try (Stream<Path> files = Files.list(counters)) {
                List<String> temps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
                assertTrue(afterKill ? temps.stream().allMatch(n -> n.matches("\\.[^.].*\\.json\\.tmp")) : temps.isEmpty(),
                        "temporary files left: " + temps);
            }
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
    }
}
