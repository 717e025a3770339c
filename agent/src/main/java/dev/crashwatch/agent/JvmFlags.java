package dev.crashwatch.agent;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two HotSpot flags the watchdog needs, {@code -XX:ErrorFile=} and {@code -XX:[+-]ExitOnOutOfMemoryError}, found
 * without the management API (tens of milliseconds): in {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, the
 * command line ({@code /proc/self/cmdline}, up to the main class or jar) and {@code _JAVA_OPTIONS}, in the order the
 * JVM reads them, the last setting winning. Flags in {@code @argfiles} or {@code -XX:Flags=} files are not seen.
 * The agent reads its own JVM's; the launcher reads its child's from the command and environment it starts it with
 * ({@link #of}), so that both find a fatal error log in the same place.
 */
public final class JvmFlags {
    static final String ERROR_FILE = "-XX:ErrorFile=";
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    static final String NO_EXIT_ON_OOM = "-XX:-ExitOnOutOfMemoryError";
    /** Launcher options whose value is the next argument (so it is not taken for the main class). */
    private static final String[] WITH_VALUE = {
        "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path", "--add-modules",
        "--limit-modules", "--add-reads", "--add-exports", "--add-opens", "--patch-module", "--source",
        "--enable-native-access",
    };

    private String errorFile;
    private boolean exitOnOutOfMemoryError;

    /** The flags of this JVM. */
    static JvmFlags ofThisJvm() {
        return of(System.getenv(), commandLine());
    }

    /**
     * The flags of a JVM started by the {@code java} launcher with {@code argv} (program first) in the environment
     * {@code env}.
     */
    public static JvmFlags of(Map<String, String> env, List<String> argv) {
        JvmFlags flags = new JvmFlags();
        flags.scanOptions(env.get("JAVA_TOOL_OPTIONS"));
        flags.scanOptions(env.get("JDK_JAVA_OPTIONS"));
        flags.scanCommandLine(argv);
        flags.scanOptions(env.get("_JAVA_OPTIONS"));
        return flags;
    }

    /** The {@code -XX:ErrorFile} setting as given ({@code %p} unexpanded), or null when there is none. */
    public String errorFile() {
        return errorFile;
    }

    boolean exitOnOutOfMemoryError() {
        return exitOnOutOfMemoryError;
    }

    /**
     * Scans an options variable: whitespace-separated, as the JVM splits it (by hand: {@code String.split} with a
     * pattern would compile a regex on the start-up thread, tenths of a millisecond interpreted).
     */
    void scanOptions(String options) {
        if (options == null) {
            return;
        }
        int i = 0;
        while (i < options.length()) {
            while (i < options.length() && Character.isWhitespace(options.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < options.length() && !Character.isWhitespace(options.charAt(i))) {
                i++;
            }
            if (i > start) {
                flag(options.substring(start, i));
            }
        }
    }

    /** Scans argv (program first) up to the main class, {@code -jar}, {@code -m} or {@code --module}. */
    void scanCommandLine(List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("-") || arg.equals("-jar") || arg.equals("-m") || arg.startsWith("--module=")
                    || arg.equals("--module")) {
                return;
            }
            if (takesValue(arg)) {
                i++;
            } else {
                flag(arg);
            }
        }
    }

    private void flag(String arg) {
        if (arg.startsWith(ERROR_FILE)) {
            errorFile = arg.substring(ERROR_FILE.length());
        } else if (arg.equals(EXIT_ON_OOM)) {
            exitOnOutOfMemoryError = true;
        } else if (arg.equals(NO_EXIT_ON_OOM)) {
            exitOnOutOfMemoryError = false;
        }
    }

    private static boolean takesValue(String arg) {
        for (String option : WITH_VALUE) {
            if (option.equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /** argv of this process from {@code /proc/self/cmdline}; empty where there is none. */
    static List<String> commandLine() {
        List<String> argv = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = new FileInputStream("/proc/self/cmdline")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream(1024);
            byte[] chunk = new byte[4096];
            for (int n; (n = in.read(chunk)) > 0; ) {
                all.write(chunk, 0, n);
            }
            bytes = all.toByteArray();
        } catch (IOException | RuntimeException e) {
            return argv;
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                argv.add(new String(bytes, start, i - start));
                start = i + 1;
            }
        }
        return argv;
    }
}
