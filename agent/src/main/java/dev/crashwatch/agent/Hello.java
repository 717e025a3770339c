package dev.crashwatch.agent;

/**
 * The hello record's payload: the facts about this JVM the watchdog needs to name the counter file and to find a
 * fatal error log ({@code key=value} lines, values escaped by {@link Wire#escape}).
 */
final class Hello {
    private final ByteSink out = new ByteSink(2048);

    private Hello() {
    }

    /** Collects the facts (reads the main jar's manifest: not for premain's path); {@code flags} are this JVM's. */
    static ByteSink collect(AgentOptions options, long pid, long startMillis, JvmFlags flags) {
        MainJar main = MainJar.ofThisJvm();
        Hello hello = new Hello();
        hello.put(Wire.KEY_PID, Long.toString(pid));
        hello.put(Wire.KEY_START_MILLIS, Long.toString(startMillis));
        hello.put(Wire.KEY_JAVA_VERSION, System.getProperty("java.version"));
        hello.put(Wire.KEY_MAIN, main.main());
        hello.put(Wire.KEY_PROGRAM, options.program() != null ? options.program() : main.title());
        hello.put(Wire.KEY_VERSION, options.version() != null ? options.version() : main.version());
        hello.put(Wire.KEY_CWD, System.getProperty("user.dir"));
        hello.put(Wire.KEY_TMPDIR, System.getProperty("java.io.tmpdir"));
        hello.put(Wire.KEY_ERROR_FILE, flags.errorFile());
        hello.put(Wire.KEY_EXIT_ON_OOM, Boolean.toString(flags.exitOnOutOfMemoryError()));
        hello.put(Wire.KEY_CLASS_PATH, System.getProperty("java.class.path"));
        return hello.out;
    }

    /** One {@code key=value} line; a missing (null or empty) value is left out. */
    private void put(String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        out.text(key);
        out.write('=');
        out.text(Wire.escape(value));
        out.write('\n');
    }
}
