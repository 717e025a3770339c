package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native launcher's detached Java half killed (kill -9) or stopped (SIGSTOP) at once or at random instants
 * (issue 15's standing suite): the launcher spools the crash records it held and writes the rest of the run down as
 * a pending run before it starts the Java half, so every crash - an uncaught exception, a fatal error, a death by a
 * signal, an exit without BYE - is counted exactly once, by the Java half or by the next watchdog, whatever happens
 * to it; no file in the store is left corrupt; and
 * the launcher's exit after the child's never waits on the Java half. Always through the native launcher (the Java
 * launcher records in its own JVM before it exits); skipped, saying so, where it was not built. The figures go to
 * docs/reliability.md.
 */
class JavaHalfKillIT {
    static final int ROUNDS = 6;
    /** Generous bound on the launcher's exit after its child's (loaded CI): it must never wait on the Java half. */
    private static final long EXIT_BOUND_MILLIS = 5000;
    private static final String NPE = "crash/crash\njava.lang.NullPointerException";
    private static final String RUNS = "crashwatch/runs";

    /** A run whose conclusion only Java draws (nothing spooled): its sample, JVM options, status and counter. */
    record Conclusion(String sample, List<String> jvmOptions, int status, String counter) {
        @Override
        public String toString() {
            return sample;
        }
    }

    static Stream<Conclusion> conclusions() {
        return Stream.of(new Conclusion("native-segv", List.of(), 134, "crash/fatal\nSIGSEGV\n"),
                new Conclusion("kill-self", List.of(), 137, "crash/signal/SIGKILL"),
                new Conclusion("oom-exit", List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"), 3, "crash/oom-exit"));
    }

    @TempDir
    Path tmp;

    @Test
    void a_java_half_killed_at_once_loses_nothing_the_next_watchdog_counts_it_once() throws Exception {
        Watchdog w = new Watchdog(tmp);
        for (int round = 1; round <= 2; round++) {
            assertEquals(1, Watchdog.exitStatus(crashingRun(w, "killed")));
            killJavaHalf(w, "KILL");
            assertEquals(1, spoolFiles(w).stream().filter(p -> p.toString().endsWith(".cw1")).count(),
                    "the launcher spooled the crash and its Java half did not count it");
            assertEquals(0, nextWatchdog(w));
            assertEquals(List.of(), spoolFiles(w));
            assertEquals(round, count(w), "round " + round);
        }
        assertNothingCorrupt(w);
    }

    /**
     * (a) a fatal error, (b) a death by a signal, (c) an exit without BYE: what only Java concludes at the end of a
     * run. The launcher leaves it in a pending run before it starts the Java half; killed at once, the Java half
     * leaves it there, and the next watchdog finishes it, once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("conclusions")
    void a_java_half_killed_at_once_leaves_its_run_pending_and_the_next_watchdog_counts_it_once(Conclusion c)
            throws Exception {
        Watchdog w = new Watchdog(tmp);
        assertEquals(c.status(), Watchdog.exitStatus(w.runNative(List.of(), List.of(),
                sample(java(), c.jvmOptions(), c.sample()), "killed")));
        killJavaHalf(w, "KILL");
        assertEquals(1, pendingRuns(w).size(), "the launcher wrote the run down and its Java half did not finish it");
        assertEquals(0, count(w, c.counter()));
        for (int next = 1; next <= 2; next++) {
            assertEquals(0, nextWatchdog(w));
            assertEquals(List.of(), pendingRuns(w));
            assertEquals(1, count(w, c.counter()), "after watchdog " + next);
            assertEquals(1, count(w, RUNS), "after watchdog " + next);
        }
        assertNothingCorrupt(w);
    }

    /**
     * The race the run's ID is for: the Java half stopped at once, its run late (its file aged past the bound, as a
     * minute of waiting would), the next watchdog finishes it; continued, the Java half finds its run finished. Then
     * once more (a fatal error), stopped only once it has its pending run open: continued, it records the whole run
     * again and adds nothing, by the ID.
     */
    @Test
    void a_stopped_java_half_continued_after_another_watchdog_finished_its_run_counts_nothing_twice() throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<Conclusion> kinds = List.of(conclusions().toList().get(1), conclusions().toList().get(0));
        for (int round = 1; round <= 2; round++) {
            Conclusion c = kinds.get(round - 1);
            assertEquals(c.status(), Watchdog.exitStatus(w.runNative(List.of(), List.of(),
                    sample(java(), c.jvmOptions(), c.sample()), "stopped" + round)));
            Optional<Long> found = w.javaHalf();
            assertTrue(found.isPresent(), "no Java half running");
            long half = found.get();
            boolean stopped;
            if (round == 1) {
                signal("STOP", half);
                stopped = true;
            } else {
                // Stopped only once it has the file open (it reads it, then records): a best effort, said if missed.
                await().atMost(Duration.ofSeconds(Watchdog.RUN_TIMEOUT_SECONDS)).pollInterval(Duration.ofMillis(1))
                        .until(() -> holdsPendingRun(half) || gone(half));
                stopped = holdsPendingRun(half) && new ProcessBuilder("kill", "-STOP", Long.toString(half)).start()
                        .waitFor() == 0;
                if (!stopped) {
                    System.out.println("JavaHalfKillIT: the Java half finished before it was stopped; round 2 is moot");
                }
            }
            try {
                for (Path p : pendingRuns(w)) {
                    Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
                }
                assertEquals(0, nextWatchdog(w));
                assertEquals(List.of(), pendingRuns(w));
                assertEquals(1, count(w, c.counter()), "round " + round);
            } finally {
                if (stopped) {
                    signal("CONT", half);
                }
            }
            w.awaitRecorded();
            assertEquals(1, count(w, c.counter()), "round " + round + ", the Java half continued");
            assertEquals(round, count(w, RUNS), "round " + round + ", the Java half continued");
        }
        assertNothingCorrupt(w);
    }

    @Test
    void a_stopped_java_half_counts_nothing_twice_once_the_next_watchdog_counted_its_spool() throws Exception {
        Watchdog w = new Watchdog(tmp);
        assertEquals(1, Watchdog.exitStatus(crashingRun(w, "stopped")));
        long half = killJavaHalf(w, "STOP");
        assertEquals(0, nextWatchdog(w));
        assertEquals(1, count(w));
        signal("CONT", half);
        w.awaitRecorded(); // it reads the pipe's copy of a record whose spooled copy was counted: not again
        assertEquals(1, count(w));
        assertNothingCorrupt(w);
    }

    @Test
    void killing_or_stopping_the_java_half_at_random_instants_loses_nothing_and_never_delays_the_exit() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Random random = new Random(15);
        List<Long> exits = new ArrayList<>();
        Conclusion fatal = conclusions().toList().get(0);
        for (int round = 1; round <= ROUNDS; round++) {
            // Odd rounds an uncaught exception (spooled), even ones a fatal error (a pending run): both must count.
            boolean uncaught = round % 2 == 1;
            Path childEnd = w.work().resolve("child-end");
            Files.deleteIfExists(childEnd);
            // The child is a script that runs the crashing JVM and notes when it is over, so that the launcher's own
            // exit can be timed from the child's.
            String script = String.join(" ", sample(java(), List.of(), uncaught ? "npe" : fatal.sample()))
                    + "; s=$?; date +%s%3N > " + childEnd + "; exit $s";
            Process launcher = w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "round" + round).start();
            assertEquals(uncaught ? 1 : fatal.status(), Watchdog.exitStatus(launcher),
                    new String(w.errQuietly("round" + round)));
            long exitedMillis = System.currentTimeMillis();
            long exit = exitedMillis - Long.parseLong(Files.readString(childEnd).trim());
            exits.add(exit);
            assertTrue(exit < EXIT_BOUND_MILLIS, "the launcher exited " + exit + " ms after its child");
            long delay = random.nextInt(600);
            boolean stop = random.nextBoolean();
            Thread.sleep(delay); // the random instant is the point of this test
            Optional<Long> half = w.javaHalf();
            if (half.isPresent()) {
                signal(stop ? "STOP" : "KILL", half.get());
            }
            nextWatchdog(w);
            if (half.isPresent() && stop) {
                signal("CONT", half.get());
            }
            w.awaitRecorded();
            String how = "round " + round + (stop ? ": stopped" : ": killed") + " at " + delay + " ms";
            assertEquals((round + 1) / 2, count(w), how);
            assertEquals(round / 2, count(w, fatal.counter()), how);
            assertEquals(List.of(), pendingRuns(w), how);
            assertNothingCorrupt(w);
        }
        Collections.sort(exits);
        System.out.println("JavaHalfKillIT: launcher exit after its child's, " + ROUNDS + " rounds: median "
                + exits.get(exits.size() / 2) + " ms, max " + exits.get(exits.size() - 1) + " ms");
    }

    private static ProcessBuilder crashingRun(Watchdog w, String name) {
        return w.runNative(List.of(), List.of(), sample(java(), List.of(), "npe"), name);
    }

    /** Signals the Java half of the run just ended at once (it is found as soon as it has been exec'd). */
    private static long killJavaHalf(Watchdog w, String signal) throws Exception {
        Optional<Long> half = w.javaHalf();
        assertTrue(half.isPresent(), "no Java half running: the launcher waited for it, or it was not started");
        signal(signal, half.get());
        return half.get();
    }

    /** The next watchdog of any kind: here {@code crashwatch status}, which counts the spool first. */
    private static int nextWatchdog(Watchdog w) throws Exception {
        return Watchdog.exitStatus(w.direct(List.of(java(), "-cp", TestJars.watchdog().toString(),
                "dev.crashwatch.watchdog.cli.Main", "status"), "status"));
    }

    /** The NPE's count now (not waiting for a Java half, which may be stopped). */
    private static long count(Watchdog w) throws IOException {
        return count(w, NPE);
    }

    /** The count of the counters whose name starts with {@code prefix}, now. */
    private static long count(Watchdog w, String prefix) throws IOException {
        long n = 0;
        for (CounterFile f : Store.at(w.store()).counterFiles()) {
            n += f.counters().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(e -> e.getValue()).sum();
        }
        return n;
    }

    private static List<Path> pendingRuns(Watchdog w) throws IOException {
        return spoolFiles(w).stream().filter(p -> p.getFileName().toString().endsWith(".pending")).toList();
    }

    /** Whether process {@code pid} is over: no such process, or a zombie (no command line). */
    private static boolean gone(long pid) {
        try {
            return Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")).length == 0;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Whether process {@code pid} has a pending run open (it is reading it). */
    private static boolean holdsPendingRun(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().endsWith(".pending");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<Path> spoolFiles(Watchdog w) throws IOException {
        Path spool = w.store().resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    private static void assertNothingCorrupt(Watchdog w) throws IOException {
        Store s = Store.at(w.store());
        assertEquals(List.of(), s.unreadableFiles());
        assertEquals(List.of(), s.malformedFiles());
        try (Stream<Path> all = Files.walk(w.store())) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
    }
}
