package dev.crashwatch.agent;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule for where the store is and whether the mode is off, for the agent and the watchdog alike (the native
 * launcher repeats it in C, pinned by the watchdog's NativeContractTest): the {@code dir=} option, else the system
 * property {@code crashwatch.dir}, else {@code $CRASHWATCH_DIR}, else the user config directory + {@code /crashwatch};
 * and its mode ({@code CRASHWATCH_MODE}, else the first word of the {@code mode} file).
 */
public final class StoreDir {
    public static final String DIR_PROPERTY = "crashwatch.dir";
    public static final String DIR_ENV = "CRASHWATCH_DIR";
    public static final String MODE_ENV = "CRASHWATCH_MODE";
    /** The file in the store that holds the mode. */
    public static final String MODE_FILE = "mode";
    /** The store's name in the user config directory. */
    public static final String NAME = "crashwatch";
    /** The mode in which nothing is recorded. */
    public static final String OFF = "off";

    private final File dir;

    private StoreDir(File dir) {
        this.dir = dir;
    }

    /** The store for the {@code dir=} option (null: the default location). */
    static StoreDir resolve(String option) {
        return new StoreDir(dir(option, System.getenv()));
    }

    /** The store directory for the {@code dir=} option (null: none) in the environment {@code env}. */
    public static File dir(String option, Map<String, String> env) {
        String chosen = firstPresent(option, System.getProperty(DIR_PROPERTY), env.get(DIR_ENV));
        return chosen != null ? new File(chosen).getAbsoluteFile() : new File(userConfigDir(env), NAME);
    }

    /** The user config directory, as Go's {@code os.UserConfigDir}. */
    static File userConfigDir(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = home(env);
        if (os.startsWith("windows")) {
            String appData = env.get("AppData");
            return present(appData) ? new File(appData) : new File(home, "AppData" + File.separator + "Roaming");
        }
        if (os.startsWith("mac")) {
            return new File(home, "Library/Application Support");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return present(xdg) && new File(xdg).isAbsolute() ? new File(xdg) : new File(home, ".config");
    }

    /**
     * The user's home: {@code user.home}, or {@code HOME} where the JDK has none to give. For a user without a
     * passwd entry (a container started with an arbitrary uid) JDK 17 says "?", and a store under "?/.config" would
     * be made in the application's working directory; later JDKs and the native launcher take {@code HOME} then.
     */
    static String home(Map<String, String> env) {
        String home = System.getProperty("user.home", "");
        String fromEnv = env.get("HOME");
        return !new File(home).isAbsolute() && present(fromEnv) ? fromEnv : home;
    }

    File dir() {
        return dir;
    }

    /** Whether the mode is off: then the agent does nothing at all. An unreadable or unknown mode is local. */
    boolean modeOff() {
        String fromEnv = System.getenv(MODE_ENV);
        if (present(fromEnv)) {
            return OFF.equals(fromEnv.trim());
        }
        return OFF.equals(firstWord(new File(dir, MODE_FILE)));
    }

    private static String firstWord(File file) {
        if (!file.isFile()) {
            return null;
        }
        byte[] head = new byte[64];
        int n = 0;
        try (InputStream in = new FileInputStream(file)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            return null;
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8).trim();
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (present(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.trim().isEmpty();
    }
}
