package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Where the default store is: property, then $CRASHWATCH_DIR, then the user config directory. */
class StoreLocationTest {
    private final String before = System.getProperty(StoreLocation.DIR_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(StoreLocation.DIR_PROPERTY);
        } else {
            System.setProperty(StoreLocation.DIR_PROPERTY, before);
        }
    }

    @Test
    void the_property_wins_over_the_environment() {
        System.setProperty(StoreLocation.DIR_PROPERTY, "/tmp/from-property");
        assertEquals(Paths.get("/tmp/from-property"), StoreLocation.resolve(Map.of("CRASHWATCH_DIR", "/tmp/env")::get));
    }

    @Test
    void crashwatch_dir_comes_next() {
        System.clearProperty(StoreLocation.DIR_PROPERTY);
        assertEquals(Paths.get("/tmp/env"), StoreLocation.resolve(Map.of("CRASHWATCH_DIR", "/tmp/env")::get));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void on_linux_the_config_dir_is_xdg_config_home_if_absolute_else_dot_config() {
        System.clearProperty(StoreLocation.DIR_PROPERTY);
        Path home = Paths.get(System.getProperty("user.home"));
        assertEquals(Paths.get("/x/conf/crashwatch"), StoreLocation.resolve(Map.of("XDG_CONFIG_HOME", "/x/conf")::get));
        assertEquals(home.resolve(".config/crashwatch"), StoreLocation.resolve(Map.of("XDG_CONFIG_HOME", "rel")::get));
        assertEquals(home.resolve(".config/crashwatch"), StoreLocation.resolve(Map.<String, String>of()::get));
    }
}
