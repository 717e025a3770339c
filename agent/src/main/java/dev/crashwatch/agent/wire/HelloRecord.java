package dev.crashwatch.agent.wire;

import java.nio.charset.StandardCharsets;

/**
 * The hello record's payload: the facts about this JVM the watchdog needs to name the counter file and to find a
 * fatal error log ({@code key=value} lines, values escaped by {@link Wire#escape}).
 */
public final class HelloRecord {
    private final ByteSink out = new ByteSink(2048);

    private HelloRecord() {
    }

    /**
     * Collects the facts (reads the main jar's manifest: not for premain's path). {@code program} and {@code version}
     * are the agent options' (null: the main jar's manifest tells); {@code errorFile} and {@code exitOnOutOfMemory}
     * are this JVM's flags; {@code classPath} is {@code java.class.path} as the caller read it (a crash compares it).
     */
    public static ByteSink collect(String program, String version, long pid, long startMillis, String errorFile,
            boolean exitOnOutOfMemory, String classPath) {
        MainJar main = MainJar.ofThisJvm();
        HelloRecord hello = new HelloRecord();
        hello.put(Wire.KEY_PID, Long.toString(pid));
        hello.put(Wire.KEY_START_MILLIS, Long.toString(startMillis));
        hello.put(Wire.KEY_JAVA_VERSION, System.getProperty("java.version"));
        hello.put(Wire.KEY_MAIN, main.main());
        hello.put(Wire.KEY_MAIN_CLASS, main.mainClass());
        hello.put(Wire.KEY_MODULE_NAME, main.moduleName());
        hello.put(Wire.KEY_PROGRAM, program != null ? program : main.title());
        hello.put(Wire.KEY_VERSION, version != null ? version : main.version());
        hello.put(Wire.KEY_CWD, System.getProperty("user.dir"));
        hello.put(Wire.KEY_TMPDIR, System.getProperty("java.io.tmpdir"));
        hello.put(Wire.KEY_ERROR_FILE, errorFile);
        hello.put(Wire.KEY_EXIT_ON_OOM, Boolean.toString(exitOnOutOfMemory));
        hello.put(Wire.KEY_CLASS_PATH, classPath);
        return hello.out;
    }

    /**
     * One {@code key=value} line; a missing (null or empty) value is left out. Encoded by {@code String.getBytes},
     * which the JVM's own start-up has compiled by now, not char by char ({@link ByteSink#text}, which allocates
     * nothing, for the crash path): interpreted, that cost ~0.4 µs a character, milliseconds for the class path of an
     * application of a hundred jars. Unpaired surrogates become {@code ?} either way.
     */
    private void put(String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        byte[] line = (key + '=' + Wire.escape(value) + '\n').getBytes(StandardCharsets.UTF_8);
        out.write(line, 0, line.length);
    }
}
