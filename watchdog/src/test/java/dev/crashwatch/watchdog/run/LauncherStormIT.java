package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash storm in launcher mode (issue 15): 20 {@code crashwatch run}s started at once on one store, each child
 * crashing at once. Every crash is counted, every run, and each run passes its child's exit status on.
 */
class LauncherStormIT {
    static final int RUNS = 20;

    @TempDir
    Path tmp;

    @Test
    void twenty_runs_crashing_at_once_are_all_counted() throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(w.run(List.of(), sample(java(), List.of(), "npe"), "storm" + i).start());
        }
        for (int i = 0; i < RUNS; i++) {
            assertEquals(1, exitStatus(runs.get(i)), new String(w.errQuietly("storm" + i)));
        }
        // The native launcher exits before its detached Java half has recorded: the counts come a moment later.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> w.counters("crash/crash\njava.lang.NullPointerException").values().stream()
                        .mapToLong(Long::longValue).sum(), is((long) RUNS));
        assertEquals(1, w.counters("crash/").size(), w.counters().toString());
    }
}
