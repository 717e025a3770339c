package dev.crashwatch.agent;

import dev.crashwatch.agent.wire.ProcSelf;
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
    private static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final String JDK_OPTIONS = "JDK_JAVA_OPTIONS";
    private static final String JAVA_OPTIONS = "_JAVA_OPTIONS";
    /** Launcher options whose value is the next argument (so it is not taken for the main class). */
    private static final String[] WITH_VALUE = {
        "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path", "--add-modules",
        "--limit-modules", "--add-reads", "--add-exports", "--add-opens", "--patch-module", "--source",
        "--enable-native-access",
    };

    private String errorFile;
    private boolean exitOnOutOfMemoryError;

    /** The flags of this JVM, which started with the environment {@code env}. */
    static JvmFlags ofThisJvm(StartEnvironment env) {
        return of(env.get(TOOL_OPTIONS), env.get(JDK_OPTIONS), commandLine(), env.get(JAVA_OPTIONS));
    }

    /**
     * The flags of a JVM started by the {@code java} launcher with {@code argv} (program first) in the environment
     * {@code env}.
     */
    public static JvmFlags of(Map<String, String> env, List<String> argv) {
        return of(env.get(TOOL_OPTIONS), env.get(JDK_OPTIONS), argv, env.get(JAVA_OPTIONS));
    }

    private static JvmFlags of(String toolOptions, String jdkOptions, List<String> argv, String javaOptions) {
        JvmFlags flags = new JvmFlags();
        flags.scanOptions(toolOptions);
        flags.scanOptions(jdkOptions);
        flags.scanCommandLine(argv);
        flags.scanOptions(javaOptions);
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
        byte[] bytes = ProcSelf.read("cmdline");
        int start = 0;
        for (int i = 0; bytes != null && i < bytes.length; i++) {
            if (bytes[i] == 0) {
                argv.add(new String(bytes, start, i - start));
                start = i + 1;
            }
        }
        return argv;
    }
}
