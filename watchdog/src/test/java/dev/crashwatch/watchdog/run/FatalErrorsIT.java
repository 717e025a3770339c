package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.testing.Jdks;
import dev.crashwatch.watchdog.testing.Jdks.Jdk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a JVM dies, through {@code crashwatch run}, on every JDK installed in the system's JVM folder (JDK 17
 * and Temurin 25 here): the exit status is preserved and the right counter results. Where stability is the
 * point (an hs_err log, a recursion) the sample runs twice and must give the same counter.
 */
class FatalErrorsIT {
    /** The JDK releases these tests must cover; one that is absent is reported as skipped. */
    private static final List<Integer> WANTED = List.of(17, 25);

    /** Every JDK found in the system's JVM folder, and the wanted ones even when absent (to skip them visibly). */
    private static List<Integer> features() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(WANTED);
        Jdks.all().forEach(j -> all.add(j.feature()));
        return new ArrayList<>(all);
    }

    /** A fatal sample: its kind, JVM options, exit status, the counter's first lines, whether to run it twice. */
    private record Fatal(String kind, List<String> jvmOptions, int status, String counterStart, boolean twice) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static final List<Fatal> FATALS = List.of(
            new Fatal("native-segv", List.of(), 134, "crash/fatal\nSIGSEGV\n", true),
            new Fatal("native-abort", List.of(), 134, "crash/signal/SIGABRT", false),
            new Fatal("oom-heap", List.of("-Xmx32m"), 1, "crash/crash\njava.lang.OutOfMemoryError\n", false),
            // after the agent's deferred rehearsal, the heap kept full to its last bytes while the crash is reported
            new Fatal("oom-kept", List.of("-Xmx32m"), 1, "crash/crash\njava.lang.OutOfMemoryError", false),
            // the same at once, before the rehearsal: the record prepared for it says what died, without frames
            new Fatal("oom-kept-early", List.of("-Xmx32m"), 1, "crash/crash\njava.lang.OutOfMemoryError", false),
            new Fatal("oom-exit", List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"), 3, "crash/oom-exit", false),
            new Fatal("oom-crash", List.of("-Xmx32m", "-XX:+CrashOnOutOfMemoryError"), 134, "crash/fatal\n", false),
            new Fatal("stackoverflow", List.of(), 1, "crash/crash\njava.lang.StackOverflowError\n", true),
            new Fatal("kill-self", List.of(), 137, "crash/signal/SIGKILL", false));

    @TempDir
    Path tmp;

    static Stream<Arguments> fatalsOnEveryJdk() {
        List<Arguments> all = new ArrayList<>();
        for (int feature : features()) {
            for (Fatal f : FATALS) {
                all.add(Arguments.of(feature, f));
            }
        }
        return all.stream();
    }

    static Stream<Integer> everyJdk() {
        return features().stream();
    }

    private static Jdk jdk(int feature) {
        var found = Jdks.feature(feature);
        RequiredTool.require(found.isPresent(), "JDK " + feature + " not installed in /usr/lib/jvm");
        return found.get();
    }

    @ParameterizedTest(name = "JDK {0}: {1}")
    @MethodSource("fatalsOnEveryJdk")
    void each_fatal_death_is_counted_with_its_exit_status_preserved(int feature, Fatal f) throws Exception {
        Jdk jdk = jdk(feature);
        Watchdog w = new Watchdog(tmp);
        int runs = f.twice() ? 2 : 1;
        for (int i = 0; i < runs; i++) {
            List<String> cmd = sample(jdk.java().toString(), f.jvmOptions(), f.kind());
            assertEquals(f.status(), exitStatus(w.run(List.of(), cmd, "run" + i)), () -> new String(w.errQuietly("run0")));
        }
        Map<String, Long> counters = w.counters();
        assertEquals(1, counters.size(), () -> "one counter, stable across runs: " + counters);
        String name = counters.keySet().iterator().next();
        assertTrue(name.startsWith(f.counterStart()), name);
        assertEquals((long) runs, counters.get(name));
        assertEquals(Integer.toString(feature), w.counterFiles().get(0).key().javaVersion().split("[.+-]")[0]);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("everyJdk")
    void two_different_fatal_crash_sites_give_two_counters(int feature) throws Exception {
        Jdk jdk = jdk(feature);
        Watchdog w = new Watchdog(tmp);
        exitStatus(w.run(List.of(), sample(jdk.java().toString(), List.of(), "native-segv"), "segv"));
        exitStatus(w.run(List.of(), sample(jdk.java().toString(), List.of("-Xmx32m", "-XX:+CrashOnOutOfMemoryError"),
                "oom-crash"), "oom"));
        Map<String, Long> fatal = w.counters("crash/fatal\n");
        assertEquals(2, fatal.size(), fatal::toString);
        List<String> names = new ArrayList<>(fatal.keySet());
        assertNotEquals(names.get(0), names.get(1));
    }
}
