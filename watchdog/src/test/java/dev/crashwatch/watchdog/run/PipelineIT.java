package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.counters.RecentCrash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code crashwatch run} end to end on real JVMs: what is counted, what the wrapped program sees. */
class PipelineIT {
    @TempDir
    Path tmp;

    /** Expected counter names start with the third column, its lines separated by " / ". */
    @ParameterizedTest(name = "Crash {0} exits {1} and counts {2}")
    @CsvSource(delimiter = '|', value = {
        "npe    | 1 | crash/crash / java.lang.NullPointerException / dev.crashwatch.samples.Crash.npe",
        "worker | 0 | crash/crash / java.lang.IllegalStateException / dev.crashwatch.samples.Crash.workerBody",
        "nested | 1 | crash/crash / ",
        "ok     | 0 | ''",
        "exit 3 | 3 | ''",
        "exit 0 | 0 | ''",
    })
    void each_sample_kind_is_counted_once_or_not_at_all(String kind, int status, String lines) throws Exception {
        String counterStart = lines.replace(" / ", "\n").replace(" /", "\n");
        Watchdog w = new Watchdog(tmp);
        assertEquals(status, exitStatus(w.run(List.of(), sample(java(), List.of(), kind.split(" ")), "run")));
        Map<String, Long> counters = w.counters();
        if (counterStart.isEmpty()) {
            assertEquals(Map.of(), counters);
            return;
        }
        assertEquals(1, counters.size(), counters::toString);
        String name = counters.keySet().iterator().next();
        assertTrue(name.startsWith(counterStart), name);
        assertEquals(1L, counters.get(name));
        assertTrue(!kind.equals("nested") || name.contains("dev.crashwatch.samples.Crash.nested"), name);
        assertRunDirsRemoved(w);
    }

    @Test
    void the_counter_file_is_named_after_the_program_unless_the_user_names_it() throws Exception {
        Watchdog w = new Watchdog(tmp);
        exitStatus(w.run(List.of(), sample(java(), List.of(), "npe"), "plain"));
        exitStatus(w.run(List.of("--program", "billing", "--version", "2.1"), sample(java(), List.of(), "npe"), "named"));
        List<CounterFileKey> keys = w.counterFiles().stream().map(f -> f.key()).sorted((a, b) -> a.program().compareTo(b.program())).toList();
        assertEquals(2, keys.size(), keys::toString);
        assertEquals(List.of("Crash", "billing"), keys.stream().map(CounterFileKey::program).toList());
        assertEquals(List.of("devel", "2.1"), keys.stream().map(CounterFileKey::version).toList());
        assertEquals(System.getProperty("java.version"), keys.get(0).javaVersion());
    }

    /** {@code crashwatch status} names it: a crash the native launcher spooled at hand-over is this machine's own. */
    @Test
    void the_crash_just_counted_is_the_stores_most_recent() throws Exception {
        Watchdog w = new Watchdog(tmp);
        exitStatus(w.run(List.of("--program", "billing"), sample(java(), List.of(), "npe"), "npe"));
        w.awaitRecorded();
        RecentCrash recent = Store.at(w.store()).mostRecentCrash().orElseThrow(() -> new AssertionError("none"));
        assertEquals("billing", recent.key().program());
        assertTrue(recent.last().name().startsWith("crash/crash\njava.lang.NullPointerException\n"), recent::toString);
    }

    @Test
    void a_run_without_a_crash_starts_the_child_first_and_never_loads_the_parser_the_json_or_oshi() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path log = tmp.resolve("classes.txt");
        assertEquals(0, exitStatus(w.run(List.of("-Xlog:class+load:file=" + log), List.of(),
                sample(java(), List.of(), "ok"), "clean")));
        if (Watchdog.nativeLauncher()) {
            w.awaitRecorded();
            assertFalse(Files.exists(log), "crashwatch-run starts no JVM of its own on a clean run");
            return;
        }
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("] dev.crashwatch.watchdog.pipe.FrameReader ")), "the log is the watchdog's");
        for (String heavy : List.of("com.fasterxml.", "oshi.", "com.sun.jna.", "dev.crashwatch.watchdog.parse.",
                "dev.crashwatch.watchdog.signature.Signatures", "dev.crashwatch.watchdog.store.HostFacts",
                "dev.crashwatch.watchdog.store.counters.CounterFileFormat")) {
            assertTrue(loaded.stream().noneMatch(l -> l.contains("] " + heavy)), heavy + " loaded on a clean run");
        }
        int childStart = indexOf(loaded, "java.lang.ProcessImpl ");
        assertTrue(childStart >= 0 && childStart < indexOf(loaded, "dev.crashwatch.watchdog.pipe.FrameReader "),
                "the child starts before the pipe reader is even loaded");
    }

    private static int indexOf(List<String> lines, String className) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("] " + className)) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "exit status {1} preserved ({0})")
    @CsvSource({"ok, 0", "exit 3, 3", "kill-self, 137"})
    void exit_statuses_are_preserved(String kind, int status) throws Exception {
        Watchdog w = new Watchdog(tmp);
        assertEquals(status, exitStatus(w.run(List.of(), sample(java(), List.of(), kind.split(" ")), "run")));
        assertEquals(status == 137 ? Map.of("crash/signal/SIGKILL", 1L) : Map.of(), w.counters());
    }

    @Test
    void a_script_that_starts_two_jvms_gets_both_crashes_counted() throws Exception {
        Watchdog w = new Watchdog(tmp);
        String npe = String.join(" ", sample("java", List.of(), "npe"));
        String nested = String.join(" ", sample("java", List.of(), "nested"));
        List<String> script = List.of("sh", "-c", npe + "; " + nested + "; exit 5");
        assertEquals(5, exitStatus(w.run(List.of(), script, "script")));
        Map<String, Long> counters = w.counters("crash/crash");
        assertEquals(2, counters.size(), counters::toString);
        assertTrue(new String(w.err("script")).contains("Picked up JAVA_TOOL_OPTIONS"), "the agent came through the environment");
    }

    @Test
    void mode_off_records_nothing_and_passes_everything_through() throws Exception {
        Watchdog w = new Watchdog(tmp);
        ProcessBuilder pb = w.run(List.of(), sample(java(), List.of(), "npe"), "off");
        pb.environment().put("CRASHWATCH_MODE", "off");
        assertEquals(1, exitStatus(pb));
        assertEquals(Map.of(), w.counters());
        assertTrue(new String(w.err("off")).contains("java.lang.NullPointerException"));
        assertRunDirsRemoved(w);
    }

    @Test
    void a_store_that_cannot_hold_the_pipe_means_a_bare_run_and_not_a_word_on_the_applications_stderr() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path notADirectory = Files.writeString(tmp.resolve("not-a-directory"), "x");
        ProcessBuilder pb = w.run(List.of(), List.of("sh", "-c", "echo \"${JAVA_TOOL_OPTIONS-none}\"; exit 5"), "bare");
        pb.environment().put("CRASHWATCH_DIR", notADirectory.toString());
        assertEquals(5, exitStatus(pb));
        assertEquals("none\n", new String(w.out("bare")), "no agent");
        assertEquals("", new String(w.err("bare")), "crashwatch says nothing on the application's stderr");
    }

    @Test
    void two_children_crashing_at_the_same_time_are_both_counted() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Process a = w.run(List.of(), sample(java(), List.of(), "npe"), "a").start();
        Process b = w.run(List.of(), sample(java(), List.of(), "nested"), "b").start();
        assertEquals(1, exitStatus(a));
        assertEquals(1, exitStatus(b));
        Map<String, Long> counters = w.counters("crash/crash");
        assertEquals(2, counters.size(), counters::toString);
        assertTrue(counters.values().stream().allMatch(n -> n == 1L), counters::toString);
    }

    @Test
    void twenty_runs_of_the_same_crash_count_twenty() throws Exception {
        Watchdog w = new Watchdog(tmp);
        for (int round = 0; round < 10; round++) {
            Process a = w.run(List.of(), sample(java(), List.of(), "npe"), "a").start();
            Process b = w.run(List.of(), sample(java(), List.of(), "npe"), "b").start();
            assertEquals(1, exitStatus(a));
            assertEquals(1, exitStatus(b));
        }
        Map<String, Long> counters = w.counters();
        assertEquals(1, counters.size(), counters::toString);
        assertEquals(20L, counters.values().iterator().next());
    }

    @ParameterizedTest(name = "Crash {0}: stdout and stderr byte-identical with and without the wrapper")
    @ValueSource(strings = {"npe", "worker", "nested", "ok"})
    void the_wrapped_program_prints_exactly_what_it_prints_alone(String kind) throws Exception {
        Watchdog w = new Watchdog(tmp);
        int alone = exitStatus(w.direct(sample(java(), List.of(), kind), "alone"));
        int wrapped = exitStatus(w.run(List.of(), sample(java(), List.of(), kind), "wrapped"));
        assertEquals(alone, wrapped);
        assertArrayEquals(w.out("alone"), w.out("wrapped"), "stdout");
        assertArrayEquals(w.err("alone"), w.err("wrapped"), () -> "stderr:\n" + new String(w.errQuietly("wrapped")));
    }

    @Test
    void the_application_exits_normally_and_promptly_when_the_watchdog_is_killed() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Process watchdog = w.run(List.of(), sample(java(), List.of(), "sleep", "1500"), "orphan").start();
        ProcessHandle child = awaitStartedChild(w, watchdog, "orphan");
        watchdog.destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
        assertTrue(new String(w.out("orphan")).contains("sample sleep done"), "the application ran to its end");
    }

    @ParameterizedTest(name = "SIG{0} is forwarded to the child")
    @CsvSource({"INT, 2", "TERM, 15", "HUP, 1"})
    void signals_are_forwarded_and_the_childs_status_returned(String name, int number) throws Exception {
        Assumptions.assumeFalse(ignoredHere(number), "SIG" + name + " is ignored by this test JVM (and so by its children)");
        Watchdog w = new Watchdog(tmp);
        Process watchdog = w.run(List.of(), sample(java(), List.of(), "sleep", "30000"), "signal").start();
        awaitStartedChild(w, watchdog, "signal");
        new ProcessBuilder("kill", "-" + name, Long.toString(watchdog.pid())).start().waitFor();
        assertEquals(128 + number, exitStatus(watchdog));
        assertEquals(Map.of(), w.counters(), "an orderly shutdown on a signal is not a crash");
    }

    /**
     * A launcher killed with kill -9 leaves its run directory behind; the next run sweeps out every directory whose
     * launcher (the pid its name starts with) is gone, and keeps those of running launchers and names it does not know.
     */
    @Test
    void run_dirs_left_by_a_killed_launcher_are_swept_out_by_the_next_run() throws Exception {
        Watchdog w = new Watchdog(tmp);
        Path runs = Files.createDirectories(w.store().resolve("run"));
        Path stale = Files.createDirectory(runs.resolve("4194305-00000000deadbeef")); // above Linux's largest pid_max
        Files.createFile(stale.resolve("crash.pipe"));
        Path running = Files.createDirectory(runs.resolve(ProcessHandle.current().pid() + "-00000000cafebabe"));
        Path unknown = Files.createDirectory(runs.resolve("0123456789abcdef"));

        assertEquals(0, exitStatus(w.run(List.of(), sample(java(), List.of(), "ok"), "ok")));

        assertFalse(Files.exists(stale), "the gone launcher's directory is swept out");
        assertTrue(Files.isDirectory(running));
        assertTrue(Files.isDirectory(unknown));
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(2, left.count(), "the run's own directory is removed as well");
        }
    }

    /** Waits until the watchdog's child JVM runs the sample's main (its first line is out). */
    private static ProcessHandle awaitStartedChild(Watchdog w, Process watchdog, String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> new String(w.out(name)).contains("starting"));
        Optional<ProcessHandle> child = watchdog.toHandle().children()
                .filter(h -> h.info().commandLine().orElse("").contains(Watchdog.SAMPLE)).findFirst();
        assertTrue(child.isPresent(), "the watchdog has a child");
        return child.get();
    }

    /** True when {@code signal} is ignored in this JVM (inherited SIG_IGN, e.g. a build started with nohup). */
    private static boolean ignoredHere(int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
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
