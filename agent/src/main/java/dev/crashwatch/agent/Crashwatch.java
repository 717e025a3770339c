package dev.crashwatch.agent;

import java.nio.file.Path;

/**
 * Crash reporting started from the application's own {@code main}, for applications that cannot add
 * {@code -javaagent} to their command line: call {@link #start()} first thing. It returns at once; the sidecar
 * starts in the background. The behaviour is the agent's in sidecar mode: nothing at all when the mode is off,
 * nothing more when an agent already runs in this JVM. Never throws, never prints.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Crashwatch.start(new Crashwatch.Config().program("mytool").version("1.4.2"));
 *     ...
 * }
 * }</pre>
 */
public final class Crashwatch {
    private Crashwatch() {
    }

    /** Starts crash reporting with the defaults: program and version from the main jar's manifest. */
    public static void start() {
        start(new Config());
    }

    /** Starts crash reporting with {@code config}. */
    public static void start(Config config) {
        try {
            Agent.start(AgentOptions.of(config.program, config.version, text(config.storeDir),
                    text(config.watchdogJar), text(config.java)));
        } catch (Throwable ignored) {
            // The application comes first.
        }
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    /** What {@link #start(Config)} may be told; every setting is optional. */
    public static final class Config {
        private String program;
        private String version;
        private Path storeDir;
        private Path watchdogJar;
        private Path java;

        /** The program's name (default: the main jar's {@code Implementation-Title}, else the main class or jar). */
        public Config program(String name) {
            this.program = name;
            return this;
        }

        /** The program's version (default: the main jar's {@code Implementation-Version}). */
        public Config version(String version) {
            this.version = version;
            return this;
        }

        /** The store directory (default: {@code $CRASHWATCH_DIR}, else the user config directory + /crashwatch). */
        public Config storeDir(Path dir) {
            this.storeDir = dir;
            return this;
        }

        /** The watchdog jar the sidecar runs (default: {@code $CRASHWATCH_WATCHDOG}, else crashwatch.jar beside the jar holding this class). */
        public Config watchdogJar(Path jar) {
            this.watchdogJar = jar;
            return this;
        }

        /** The java executable (17+) the sidecar runs on (default: {@code $CRASHWATCH_JAVA}, else this JVM's). */
        public Config java(Path executable) {
            this.java = executable;
            return this;
        }
    }
}
