package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.agent.StoreDir;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Where the default store is (the agent's StoreDir, the one rule): property, then $CRASHWATCH_DIR, then the user config directory. */
class DefaultStoreTest {
    private final String before = System.getProperty(StoreDir.DIR_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(StoreDir.DIR_PROPERTY);
        } else {
            System.setProperty(StoreDir.DIR_PROPERTY, before);
        }
    }

    @Test
    void the_property_wins_over_the_environment() {
        System.setProperty(StoreDir.DIR_PROPERTY, "/tmp/from-property");
        assertEquals(Paths.get("/tmp/from-property"), StoreDir.dir(null, Map.of("CRASHWATCH_DIR", "/tmp/env")).toPath());
    }

    @Test
    void crashwatch_dir_comes_next() {
        System.clearProperty(StoreDir.DIR_PROPERTY);
        assertEquals(Paths.get("/tmp/env"), StoreDir.dir(null, Map.of("CRASHWATCH_DIR", "/tmp/env")).toPath());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void on_linux_the_config_dir_is_xdg_config_home_if_absolute_else_dot_config() {
        System.clearProperty(StoreDir.DIR_PROPERTY);
        Path home = Paths.get(System.getProperty("user.home"));
        assertEquals(Paths.get("/x/conf/crashwatch"), StoreDir.dir(null, Map.of("XDG_CONFIG_HOME", "/x/conf")).toPath());
        assertEquals(home.resolve(".config/crashwatch"), StoreDir.dir(null, Map.of("XDG_CONFIG_HOME", "rel")).toPath());
        assertEquals(home.resolve(".config/crashwatch"), StoreDir.dir(null, Map.<String, String>of()).toPath());
    }
}
