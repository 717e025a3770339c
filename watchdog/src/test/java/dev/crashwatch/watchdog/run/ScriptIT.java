package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./crashwatch} script as a user puts it on their PATH: through a symlink, from any directory. */
class ScriptIT {
    @TempDir
    Path tmp;

    @Test
    void runs_through_a_chain_of_symlinks_from_another_directory_and_counts() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(tmp.resolve("crashwatch-link"), TestJars.repo().resolve("crashwatch"));
        Path onPath = Files.createSymbolicLink(bin.resolve("crashwatch"), Path.of("../crashwatch-link"));
        Watchdog w = new Watchdog(tmp);
        List<String> run = new java.util.ArrayList<>(List.of(onPath.toString(), "run", "--"));
        run.addAll(sample("java", List.of(), "npe"));
        assertEquals(1, exitStatus(w.direct(run, "run")), () -> new String(w.errQuietly("run")));
        assertEquals(0, exitStatus(w.direct(List.of(onPath.toString(), "counters", "--json"), "counters")));
        String json = new String(w.out("counters"));
        assertTrue(json.contains("\"program\" : \"Crash\"") || json.contains("\"program\":\"Crash\""), json);
        assertTrue(json.contains("java.lang.NullPointerException"), json);
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void sigquit_to_the_watchdog_prints_no_thread_dump_of_its_own_and_the_run_goes_on() throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<String> run = new java.util.ArrayList<>(List.of(TestJars.repo().resolve("crashwatch").toString(), "run", "--"));
        run.addAll(sample("java", List.of(), "sleep", "1500"));
        Process watchdog = w.direct(run, "quit").start();
        await().atMost(Duration.ofSeconds(30)).until(() -> new String(w.out("quit")).contains("starting"));
        new ProcessBuilder("kill", "-QUIT", Long.toString(watchdog.pid())).start().waitFor();
        assertEquals(0, exitStatus(watchdog));
        String out = new String(w.out("quit")) + new String(w.err("quit"));
        assertTrue(out.contains("sample sleep done"), out);
        assertTrue(!out.contains("Full thread dump"), out);
    }
}
