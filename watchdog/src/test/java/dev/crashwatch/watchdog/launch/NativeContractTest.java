package dev.crashwatch.watchdog.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.AgentOptions;
import dev.crashwatch.agent.StoreDir;
import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.cli.Main;
import dev.crashwatch.watchdog.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract between the C helpers ({@code watchdog/src/main/c/}) and their Java owners: every constant the C
 * repeats - the wire format's limits and words, main classes, environment variables, file names - is read from the
 * C sources' {@code #define}s and must equal the Java value it copies, or, for what the native entry repeats of the
 * {@code crashwatch} script (its installation layout, its hidden {@code --jvm} mode), the value read from the script.
 * A C constant that names no owner here fails too, so that a new one cannot slip in unpinned.
 */
class NativeContractTest {
    private static final Path C = Path.of("src/main/c");
    /** {@code #define NAME [value]}, once comments are cut from the line. */
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s*(.*?)\\s*$");
    /** Defines that are C's own (sizes, exit codes, character sets): no Java value to agree with. */
    private static final java.util.Set<String> C_ONLY = java.util.Set.of("CRASHWATCH_HELD_H", "CRASHWATCH_SPOOL_H", "_GNU_SOURCE",
            "HOLD_MAX", "MAX_JVMS", "MAX_KIND", "COPY_CHUNK", "JAVA_PIPE_SIZE", "SPILL_NAME", "SPILL_MAX",
            "CANNOT_START", "WHITE", "NFORWARDED", "ARCHIVE_AT_EXIT", "RUN_LINE_MAX", "MAX_SPOOLED", "SPOOL_NAME_MAX",
            "SPOOL_PATH_MAX", "CRASHWATCH_LAUNCH_H", "SHELL", "ENTRY_UNUSABLE");
    /** The crashwatch script, at the checkout's root. */
    private static final Path SCRIPT = Path.of("..", "crashwatch");

    /** Each C constant and the Java value it must hold. */
    private static Map<String, Object> owners() {
        Map<String, Object> owners = new LinkedHashMap<>();
        owners.put("MAGIC", Wire.MAGIC);
        owners.put("MAX_HEADER", Wire.MAX_HEADER);
        owners.put("MAX_FRAME", Wire.MAX_FRAME);
        owners.put("HELLO", Wire.HELLO);
        owners.put("CRASH", Wire.CRASH);
        owners.put("BYE", Wire.BYE);
        owners.put("HANDLER_REPLACED", Wire.KEY_HANDLER_REPLACED);
        owners.put("CLI_MAIN", Main.class.getName());
        owners.put("WATCH_MAIN", WatchMain.class.getName());
        owners.put("TOOL_OPTIONS", ChildCommand.TOOL_OPTIONS);
        owners.put("CHILD_TOOL_OPTIONS", ChildCommand.USERS_TOOL_OPTIONS);
        owners.put("TOOL_JVM_OPTION", JdkTool.JVM_OPTION);
        owners.put("TOOL_ENGINE_OPTION", JdkTool.ENGINE_OPTION);
        owners.put("JSHELL", JdkTool.JSHELL);
        owners.put("JDK_RELEASE", JdkTool.RELEASE);
        owners.put("PIPE_ENV", AgentOptions.PIPE_ENV);
        owners.put("PIPE_FROM_ENV", AgentOptions.PIPE_FROM_ENV);
        owners.put("PIPE_KEY", AgentOptions.PIPE_KEY);
        owners.put("DIR_ENV", StoreDir.DIR_ENV);
        owners.put("MODE_ENV", StoreDir.MODE_ENV);
        owners.put("MODE_FILE", StoreDir.MODE_FILE);
        owners.put("MODE_OFF", StoreDir.OFF);
        owners.put("STORE_NAME", StoreDir.NAME);
        owners.put("RUN_DIR", Store.RUN);
        owners.put("FIFO_NAME", Fifo.NAME);
        owners.put("SPOOL_DIR", dev.crashwatch.agent.wire.Spool.DIR);
        owners.put("SPOOL_SUFFIX", dev.crashwatch.agent.wire.Spool.SUFFIX);
        owners.put("SPOOL_TEMP_PREFIX", dev.crashwatch.agent.wire.Spool.TEMP_PREFIX);
        owners.put("SPOOL_TEMP_SUFFIX", dev.crashwatch.agent.wire.Spool.TEMP_SUFFIX);
        owners.put("START_MILLIS", Wire.KEY_START_MILLIS);
        owners.put("SPOOLED_OPTION", dev.crashwatch.watchdog.watch.SpooledCrashes.OPTION);
        owners.put("RECORD_WAIT_MILLIS", hidden("dev.crashwatch.agent.Agent", "CRASH_BUDGET_MILLIS"));
        owners.put("RUNS_JOURNAL", dev.crashwatch.watchdog.store.RunsJournal.FILE);
        owners.put("PENDING_PREFIX", PendingRun.PREFIX);
        owners.put("PENDING_SUFFIX", PendingRun.SUFFIX);
        owners.put("PENDING_MAGIC", PendingRun.MAGIC);
        owners.put("PENDING_OPTION", PendingRun.OPTION);
        owners.put("PENDING_HALF", PendingRun.HALF);
        owners.put("PENDING_ENDED", PendingRun.ENDED);
        owners.put("PENDING_CWD", PendingRun.CWD);
        owners.put("PENDING_ENV", PendingRun.ENV);
        owners.put("PENDING_ARG", PendingRun.ARG);
        owners.put("JDK_OPTIONS", PendingRun.CHILD_ENV.get(1));
        owners.put("LAST_OPTIONS", PendingRun.CHILD_ENV.get(2));
        owners.put("ENTRY_AGENT_JAR", AgentJar.FILE);
        owners.put("ENTRY_LIBEXEC", hidden("dev.crashwatch.agent.sidecar.NativeHelpers", "LIBEXEC"));
        owners.put("NO_NATIVE_ENV", hidden("dev.crashwatch.agent.sidecar.WatchdogFiles", "NO_NATIVE_ENV"));
        owners.putAll(scriptOwners());
        return owners;
    }

    /**
     * What the native entry repeats of the script, read from it: the installation layout it recognises (this script
     * in bin/ or libexec/ beside lib/crashwatch.jar), its name, and the mode that runs the watchdog's JVM.
     */
    private static Map<String, Object> scriptOwners() {
        String script;
        try {
            script = Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> owners = new LinkedHashMap<>();
        Matcher layout = Pattern.compile("if \\{ \\[ \"\\$\\{root##\\*/}\" = (\\w+) ] \\|\\| \\[ \"\\$\\{root##\\*/}\" = (\\w+) ]; } "
                + "&& \\[ -f \"\\$\\{root%/\\*}/(\\w+)/crashwatch\\.jar\" ]").matcher(script);
        assertTrue(layout.find(), "the script's installation layout (bin/ or libexec/ beside lib/) moved");
        owners.put("ENTRY_BIN", layout.group(1));
        owners.put("ENTRY_LIB", layout.group(3));
        assertEquals(hidden("dev.crashwatch.agent.sidecar.NativeHelpers", "LIBEXEC"), layout.group(2));
        Matcher jvm = Pattern.compile("\\n\\s+(--[a-z]+)\\) shift; what=jvm ;;").matcher(script);
        assertTrue(jvm.find(), "the script's --jvm mode moved");
        owners.put("ENTRY_JVM_MODE", jvm.group(1));
        owners.put("ENTRY_SCRIPT", SCRIPT.getFileName());
        return owners;
    }

    /** A package-private constant of another package (the agent's). */
    private static Object hidden(String className, String field) {
        try {
            java.lang.reflect.Field f = Class.forName(className).getDeclaredField(field);
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(className + "." + field + " moved", e);
        }
    }

    @Test
    void every_constant_the_c_helpers_repeat_equals_its_java_owner() throws IOException {
        Map<String, String> defines = defines();
        Map<String, Object> owners = owners();
        for (Map.Entry<String, Object> owner : owners.entrySet()) {
            assertTrue(defines.containsKey(owner.getKey()), "no #define " + owner.getKey() + " in " + C);
            assertEquals(String.valueOf(owner.getValue()), value(owner.getKey(), defines),
                    "#define " + owner.getKey() + " in C differs from Java's");
        }
        for (String name : defines.keySet()) {
            assertTrue(owners.containsKey(name) || C_ONLY.contains(name),
                    "#define " + name + " has no Java owner in NativeContractTest: pin it, or list it as C's own");
        }
    }

    @Test
    void the_main_classes_the_c_names_exist() throws Exception {
        Map<String, String> defines = defines();
        Class.forName(value("CLI_MAIN", defines)).getMethod("main", String[].class);
        Class.forName(value("WATCH_MAIN", defines)).getMethod("main", String[].class);
    }

    /** Every {@code #define} in the C sources: name to its text (a name defined twice must read the same). */
    private static Map<String, String> defines() throws IOException {
        Map<String, String> defines = new HashMap<>();
        try (Stream<Path> files = Files.list(C)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().matches(".*\\.[ch]"))::iterator) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = DEFINE.matcher(line.replaceAll("/\\*.*?\\*/", ""));
                    if (m.matches()) {
                        String before = defines.put(m.group(1), m.group(2));
                        assertTrue(before == null || before.equals(m.group(2)), m.group(1) + " defined twice, differently");
                    }
                }
            }
        }
        return defines;
    }

    /**
     * A define's value as C reads it: a number, or string literals and other defines' names side by side (C joins
     * adjacent literals).
     */
    private static String value(String name, Map<String, String> defines) {
        String text = defines.get(name).trim();
        if (text.matches("\\d+")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher part = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\w+)|\\s+").matcher(text);
        int at = 0;
        while (part.find() && part.start() == at) {
            if (part.group(1) != null) {
                out.append(part.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"));
            } else if (part.group(2) != null) {
                out.append(value(part.group(2), defines));
            }
            at = part.end();
        }
        assertEquals(text.length(), at, "cannot read #define " + name + " " + text);
        return out.toString();
    }
}
