package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native launcher's detached Java half killed (kill -9) or stopped (SIGSTOP) at random instants (issue 15's
 * standing suite): the launcher spools what it held before it starts the Java half, so the crash is counted exactly
 * once, by the Java half or by the next watchdog, whatever happens to it; no file in the store is left corrupt; and
 * the launcher's exit after the child's never waits on the Java half. Always through the native launcher (the Java
 * launcher records in its own JVM before it exits); skipped, saying so, where it was not built. The figures go to
 * docs/reliability.md.
 */
class JavaHalfKillIT {
    static final int ROUNDS = 6;
    /** Generous bound on the launcher's exit after its child's (loaded CI): it must never wait on the Java half. */
    private static final long EXIT_BOUND_MILLIS = 5000;
    private static final String NPE = "crash/crash\njava.lang.NullPointerException";

    @TempDir
    Path tmp;

    @Test
    void a_java_half_killed_at_once_loses_nothing_the_next_watchdog_counts_it_once() throws Exception {
        Watchdog w = new Watchdog(tmp);
        for (int round = 1; round <= 2; round++) {
            assertEquals(1, Watchdog.exitStatus(crashingRun(w, "killed")));
            killJavaHalf(w, "KILL");
            assertEquals(1, spoolFiles(w).size(), "the launcher spooled the crash and its Java half did not count it");
            assertEquals(0, nextWatchdog(w));
            assertEquals(List.of(), spoolFiles(w));
            assertEquals(round, count(w), "round " + round);
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
        for (int round = 1; round <= ROUNDS; round++) {
            Path childEnd = w.work().resolve("child-end");
            Files.deleteIfExists(childEnd);
            // The child is a script that runs the crashing JVM and notes when it is over, so that the launcher's own
            // exit can be timed from the child's.
            String script = String.join(" ", sample(java(), List.of(), "npe")) + "; s=$?; date +%s%3N > " + childEnd
                    + "; exit $s";
            Process launcher = w.runNative(List.of(), List.of(), List.of("sh", "-c", script), "round" + round).start();
            assertEquals(1, Watchdog.exitStatus(launcher), new String(w.errQuietly("round" + round)));
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
            assertEquals(round, count(w), "round " + round + (stop ? ": stopped" : ": killed") + " at " + delay + " ms");
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
        long n = 0;
        for (CounterFile f : Store.at(w.store()).counterFiles()) {
            n += f.counters().entrySet().stream().filter(e -> e.getKey().startsWith(NPE))
                    .mapToLong(e -> e.getValue()).sum();
        }
        return n;
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
