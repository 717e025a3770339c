package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDirTest {
    @TempDir
    Path dir;

    @BeforeEach
    void noModeOverride() {
        assumeTrue(System.getenv(StoreDir.MODE_ENV) == null, "CRASHWATCH_MODE is set in the test environment");
    }

    @Test
    void the_dir_option_wins() {
        assertEquals(dir.toFile(), StoreDir.resolve(dir.toString()).dir());
    }

    @Test
    void no_mode_file_means_local() {
        assertFalse(StoreDir.resolve(dir.toString()).modeOff());
    }

    @Test
    void the_mode_file_is_read_with_or_without_its_date() throws Exception {
        for (String content : new String[] {"off 2026-11-23\n", "off", "  off\n"}) {
            Files.write(dir.resolve("mode"), content.getBytes(StandardCharsets.UTF_8));
            assertTrue(StoreDir.resolve(dir.toString()).modeOff(), content);
        }
        for (String content : new String[] {"local 2026-11-23\n", "on", "offish", ""}) {
            Files.write(dir.resolve("mode"), content.getBytes(StandardCharsets.UTF_8));
            assertFalse(StoreDir.resolve(dir.toString()).modeOff(), content);
        }
    }
}
