package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs are counted in both launchers without a JVM for a clean run (issue 18, item 5): each run that ends is one line
 * in the runs journal, folded into {@code crashwatch/runs} by the next command that shows counts, and
 * {@code compare} gives crashes per 1,000 runs.
 */
class RunsIT {
    @TempDir
    Path tmp;

    @Test
    void clean_and_crashing_runs_are_counted_and_compare_gives_crashes_per_1000_runs() throws Exception {
        Watchdog w = new Watchdog(tmp);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, exitStatus(w.run(List.of("--version", "1.0"), hello(), "clean1-" + i)));
        }
        assertEquals(1, exitStatus(w.run(List.of("--version", "1.0"), sample(java(), List.of(), "npe"), "npe")));
        for (int i = 0; i < 2; i++) {
            assertEquals(0, exitStatus(w.run(List.of("--version", "2.0"), hello(), "clean2-" + i)));
        }

        ProcessBuilder compare = w.direct(cli("compare", "--base", "1.0", "--new", "2.0", "--json"), "compare");
        assertEquals(0, exitStatus(compare), new String(w.errQuietly("compare"), StandardCharsets.UTF_8));
        JsonNode c = new ObjectMapper().readTree(w.out("compare"));
        assertEquals("per-1000-runs", c.get("basis").asText());
        assertEquals(4, c.get("baseRuns").asLong());
        assertEquals(2, c.get("newRuns").asLong());
        assertEquals(250.0, c.get("gone").get(0).get("baseRate").asDouble(), 1e-9, c.toString());

        Map<String, Long> runs = new TreeMap<>();
        for (CounterFile f : Store.at(w.store()).counterFiles()) {
            runs.merge(f.key().version(), f.counters().getOrDefault(Store.RUNS_COUNTER, 0L), Long::sum);
        }
        assertEquals(Map.of("1.0", 4L, "2.0", 2L), runs, "folded once: the compare above folded, this read adds none");
        assertTrue(Store.at(w.store()).counterFiles().stream().allMatch(f -> f.key().program().equals("Hello")
                || f.key().program().equals("Crash")), "the same naming rules as crashes");
    }

    private static List<String> hello() {
        return List.of(java(), "-cp", TestJars.samples().toString(), "dev.crashwatch.samples.Hello");
    }

    private static List<String> cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", TestJars.watchdog().toString(),
                "dev.crashwatch.watchdog.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
