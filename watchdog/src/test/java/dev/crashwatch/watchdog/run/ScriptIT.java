package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
