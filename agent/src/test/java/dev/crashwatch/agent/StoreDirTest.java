package dev.crashwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    /** A user without a passwd entry: JDK 17 gives user.home "?"; the store goes under HOME, not "./?/.config". */
    @Test
    void without_a_home_from_the_jdk_the_store_is_under_HOME() {
        String saved = System.getProperty("user.home");
        try {
            System.setProperty("user.home", "?");
            File dir = StoreDir.dir(null, Map.of("HOME", "/home/4000123"));
            assertEquals(new File("/home/4000123/.config/crashwatch"), dir);
            System.setProperty("user.home", "/home/named");
            assertEquals(new File("/home/named/.config/crashwatch"), StoreDir.dir(null, Map.of("HOME", "/elsewhere")));
        } finally {
            System.setProperty("user.home", saved);
        }
    }
}
