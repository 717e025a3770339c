package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog's notes in log/sidecar.log rotate by the agent's rule, the one the agent's own writes follow. */
class SidecarLogTest {
    @TempDir
    Path tmp;

    @Test
    void a_log_past_its_cap_becomes_the_dot_one_file_and_a_new_one_starts() throws Exception {
        Store store = Store.at(tmp);
        Path log = store.logFile(SidecarLog.NAME);
        Files.write(log, new byte[256 * 1024 + 1]);
        new SidecarLog(store).note("after the cap");
        assertEquals(256 * 1024 + 1, Files.size(log.resolveSibling("sidecar.log.1")));
        String now = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(now.endsWith(": after the cap\n") && now.lines().count() == 1, now);
    }

    @Test
    void a_log_under_its_cap_grows() throws Exception {
        Store store = Store.at(tmp);
        SidecarLog log = new SidecarLog(store);
        log.note("one");
        log.note("two");
        assertEquals(2, Files.readAllLines(store.logFile(SidecarLog.NAME)).size());
        assertTrue(Files.notExists(store.logFile(SidecarLog.NAME).resolveSibling("sidecar.log.1")));
    }
}
