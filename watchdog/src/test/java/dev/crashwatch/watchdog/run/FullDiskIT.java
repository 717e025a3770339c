package dev.crashwatch.watchdog.run;

import static dev.crashwatch.watchdog.run.Watchdog.exitStatus;
import static dev.crashwatch.watchdog.run.Watchdog.java;
import static dev.crashwatch.watchdog.run.Watchdog.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.SmallDisk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a full disk (a small tmpfs, issue 15's standing suite): the wrapped program's output and exit status
 * are unchanged (crashwatch says nothing on the application's stderr: its notes go to the store's log, which the
 * full disk refuses too), no partial file is left in the store, and once there is room again the next crash is
 * counted.
 */
class FullDiskIT {
    @TempDir
    Path tmp;

    @Test
    void a_full_disk_changes_nothing_for_the_program_leaves_no_partial_file_and_recovers() throws Exception {
        Watchdog w = new Watchdog(tmp);
        try (SmallDisk disk = SmallDisk.mountOver(w.store())) {
            Path filler = disk.fill();
            assertEquals(1, exitStatus(w.run(List.of(), sample(java(), List.of(), "npe"), "full")));
            String err = new String(w.err("full"), StandardCharsets.UTF_8);
            assertTrue(err.startsWith("Exception in thread \"main\" java.lang.NullPointerException"), err);
            assertEquals(0, err.lines().filter(l -> l.startsWith("crashwatch")).count(), err);
            assertEquals("sample npe starting\n", new String(w.out("full"), StandardCharsets.UTF_8));
            assertEquals(List.of(), disk.partialFiles());

            Files.delete(filler);
            assertEquals(1, exitStatus(w.run(List.of(), sample(java(), List.of(), "npe"), "room")));
            assertEquals(1L, w.counters("crash/crash\njava.lang.NullPointerException").values().stream()
                    .mapToLong(Long::longValue).sum());
            assertEquals(List.of(), disk.partialFiles());
        }
    }
}
