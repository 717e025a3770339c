package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JVM that died before its agent said hello (a fatal error in its first milliseconds, or before the agent was
 * loaded at all) but whose pid, working directory and start the watchdog know, because it started the JVM (or, for a
 * sidecar, because the JVM's agent put them on its command line, with the {@code -XX:ErrorFile} setting). Its fatal
 * error log is looked for where {@link FatalErrorLogs} looks for any JVM's, and the facts a hello would have carried
 * — Java version, main class, class path — are read from the log itself ({@code JRE version}, {@code java_command},
 * {@code java_class_path}).
 */
final class UnheardJvm {
    /** The header facts sit in the first few hundred KB of a log; the rest (stacks, memory maps) is not needed. */
    private static final int MAX_LINES = 20_000;
    private static final String JRE_VERSION = "# JRE version:";
    private static final String JAVA_COMMAND = "java_command:";
    private static final String CLASS_PATH = "java_class_path (initial):";

    private UnheardJvm() {
    }

    /**
     * Where to look for the log of {@code jvm}: where HotSpot puts it for a JVM started in its working directory with
     * its {@code -XX:ErrorFile} (empty: none or unknown).
     */
    static Hello whereToLook(KnownJvm jvm) {
        Map<String, String> facts = new HashMap<>();
        facts.put(Wire.KEY_PID, Long.toString(jvm.pid()));
        facts.put(Wire.KEY_START_MILLIS, Long.toString(jvm.startedMillis()));
        facts.put(Wire.KEY_CWD, jvm.cwd().toString());
        putIfPresent(facts, Wire.KEY_ERROR_FILE, jvm.errorFile());
        return Hello.of(facts);
    }

    /** {@code whereToLook} completed with what the log's header says; unreadable lines leave facts out. */
    static Hello fromLog(Hello whereToLook, Path log) throws IOException {
        Map<String, String> facts = new HashMap<>();
        for (String key : new String[] {Wire.KEY_PID, Wire.KEY_START_MILLIS, Wire.KEY_CWD, Wire.KEY_ERROR_FILE}) {
            putIfPresent(facts, key, whereToLook.get(key));
        }
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int n = 0; n < MAX_LINES && (line = in.readLine()) != null; n++) {
                if (line.startsWith(JRE_VERSION)) {
                    putIfPresent(facts, Wire.KEY_JAVA_VERSION, javaVersion(line));
                } else if (line.startsWith(JAVA_COMMAND)) {
                    putIfPresent(facts, Wire.KEY_MAIN, firstWord(line.substring(JAVA_COMMAND.length())));
                } else if (line.startsWith(CLASS_PATH)) {
                    putIfPresent(facts, Wire.KEY_CLASS_PATH, line.substring(CLASS_PATH.length()).trim());
                    break;
                }
            }
        }
        return Hello.of(facts);
    }

    /**
     * {@code java.version} from {@code # JRE version: OpenJDK Runtime Environment (17.0.15+6) (build ...)}: the first
     * parenthesised version, up to its {@code +build} part.
     */
    static String javaVersion(String line) {
        int open = line.indexOf('(');
        while (open >= 0 && (open + 1 >= line.length() || !Character.isDigit(line.charAt(open + 1)))) {
            open = line.indexOf('(', open + 1);
        }
        if (open < 0) {
            return "";
        }
        int end = open + 1;
        while (end < line.length() && "+) ".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(open + 1, end);
    }

    private static String firstWord(String s) {
        String t = s.trim();
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }

    private static void putIfPresent(Map<String, String> facts, String key, String value) {
        if (!value.isEmpty()) {
            facts.put(key, value);
        }
    }
}
