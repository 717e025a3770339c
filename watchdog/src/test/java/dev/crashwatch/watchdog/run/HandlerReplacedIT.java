package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.pipe.Bye;
import dev.crashwatch.watchdog.testing.TestJars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that replaces the agent's crash hook with its own handler: its crash is invisible to crashwatch,
 * and that blind spot is counted ({@code crashwatch/handler-replaced}) instead of passing in silence.
 */
class HandlerReplacedIT {
    @TempDir
    Path tmp;

    @Test
    void a_replaced_crash_hook_is_counted_as_a_blind_spot_not_as_a_crash() throws Exception {
        Watchdog w = new Watchdog(tmp);
        List<String> app = List.of(java(), "-cp", TestJars.samples().toString(), "dev.crashwatch.samples.OwnHandler");

        assertEquals(1, exitStatus(w.run(List.of(), app, "own")));

        String err = new String(w.err("own"), StandardCharsets.UTF_8);
        assertTrue(err.contains("own handler took java.lang.IllegalStateException"), err);
        assertEquals(Map.of(Bye.HANDLER_REPLACED_COUNTER, 1L), w.counters());
    }

    @Test
    void a_crash_the_hook_saw_does_not_count_a_blind_spot() throws Exception {
        Watchdog w = new Watchdog(tmp);
        exitStatus(w.run(List.of(), Watchdog.sample(java(), List.of(), "npe"), "npe"));
        assertEquals(Map.of(), w.counters(Bye.HANDLER_REPLACED_COUNTER));
        assertEquals(1, w.counters("crash/crash").size());
    }
}
