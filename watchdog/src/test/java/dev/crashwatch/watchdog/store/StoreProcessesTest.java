package dev.crashwatch.watchdog.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.counters.CounterFileNames;
import dev.crashwatch.watchdog.store.files.DirectoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against real concurrent processes and real kill -9: no count is ever lost, no file ever torn. */
class StoreProcessesTest {
    @TempDir
    Path dir;

    @Test
    void three_processes_incrementing_one_file_all_count() throws Exception {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(StoreHammer.start(dir, 150));
        }
        for (Process child : children) {
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "a writer did not finish");
            assertEquals(0, child.exitValue());
        }
        assertEquals(450L, count(Store.at(dir)));
    }

    @Test
    void kill_9_at_any_instant_never_tears_a_file_nor_loses_recorded_counts() throws Exception {
        Store store = Store.at(dir);
        long last = 0;
        for (int round = 0; round < 8; round++) {
            Process writer = StoreHammer.start(dir, -1);
            long enough = last + round;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(round * 7L % 20 + 1))
                    .until(() -> count(store) > enough);
            writer.destroyForcibly().waitFor();
            assertEquals(137, writer.exitValue(), "killed by SIGKILL");
            assertEquals(List.of(), store.unreadableFiles());
            long now = count(store);
            assertTrue(now >= last + 1, "counts went from " + last + " to " + now);
            last = now;
        }
        try (var files = Files.list(store.counterDir())) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().matches(
                    "counters\\.lock|\\.?app@.*\\.v1\\.json(\\.tmp)?")), "only counters, lock and temp files");
        }
    }

    @Test
    void a_stuck_lock_holder_makes_writers_give_up_not_hang_and_kill_9_releases_it() throws Exception {
        Store store = Store.at(dir);
        DirectoryLock lock = new DirectoryLock(store.counterDir().resolve(CounterFileNames.LOCK_FILE), 300);
        Process holder = StoreHammer.holdLock(dir);
        try {
            long start = System.nanoTime();
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> lock.holding(() -> null));
            assertTrue(e.getMessage().contains("locked by another process"), e.getMessage());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up promptly");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertEquals("free", lock.holding(() -> "free"));
    }

    private static long count(Store store) throws Exception {
        return store.counterFiles().stream().mapToLong(f -> f.counters().getOrDefault(StoreTest.NPE, 0L)).sum();
    }
}
