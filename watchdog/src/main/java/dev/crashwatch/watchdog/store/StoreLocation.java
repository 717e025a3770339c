package dev.crashwatch.watchdog.store;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the default store lives: system property {@code crashwatch.dir}, else {@code $CRASHWATCH_DIR}, else the
 * user config directory + {@code /crashwatch} (as Go keeps telemetry under {@code os.UserConfigDir()/go/telemetry}).
 */
final class StoreLocation {
    static final String DIR_PROPERTY = "crashwatch.dir";
    static final String DIR_ENV = "CRASHWATCH_DIR";

    private StoreLocation() {
    }

    static Path resolve(Function<String, String> env) {
        String fromProperty = System.getProperty(DIR_PROPERTY);
        if (present(fromProperty)) {
            return Paths.get(fromProperty).toAbsolutePath();
        }
        String fromEnv = env.apply(DIR_ENV);
        if (present(fromEnv)) {
            return Paths.get(fromEnv).toAbsolutePath();
        }
        return userConfigDir(env).resolve("crashwatch");
    }

    /** The user config directory, per OS, as Go's {@code os.UserConfigDir}. */
    static Path userConfigDir(Function<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.startsWith("windows")) {
            String appData = env.apply("AppData");
            return present(appData) ? Paths.get(appData) : Paths.get(home, "AppData", "Roaming");
        }
        if (os.startsWith("mac")) {
            return Paths.get(home, "Library", "Application Support");
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        return present(xdg) && Paths.get(xdg).isAbsolute() ? Paths.get(xdg) : Paths.get(home, ".config");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
