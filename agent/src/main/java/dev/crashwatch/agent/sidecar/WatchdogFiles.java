package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.io.IOException;
import java.security.CodeSource;

/**
 * Where the sidecar's files are: the watchdog jar ({@code watchdog=}, {@code $CRASHWATCH_WATCHDOG}, else crashwatch.jar
 * beside the agent jar), the native relay and the class-data sharing archive beside it, and the {@code java} that runs
 * it ({@code java=}, {@code $CRASHWATCH_JAVA}, else this JVM's).
 */
final class WatchdogFiles {
    static final String WATCHDOG_JAR = "crashwatch.jar";
    /** The native relay, beside the watchdog jar (docs/native.md). */
    static final String RELAY = "crashwatch-relay";
    /**
     * The class-data sharing archive of crashwatch.jar's classes that {@code ./crashwatch} makes beside it on first
     * use: mapped by the sidecar when it is there (a Java sidecar the relay starts at a crash counts it in about half
     * the time; docs/benchmarks.md). One made by another JDK, or for an older jar, is rejected by the JVM, which
     * then starts without it: {@code -Xlog:disable} keeps that notice out of the sidecar log.
     */
    static final String SHARED_ARCHIVE = "crashwatch.jsa";
    /** Set (non-empty): never use the native helpers, start the JVM sidecar directly. */
    static final String NO_NATIVE_ENV = "CRASHWATCH_NO_NATIVE";
    /** Environment variables naming the watchdog jar and the sidecar's java when no option does. */
    static final String WATCHDOG_ENV = "CRASHWATCH_WATCHDOG";
    static final String JAVA_ENV = "CRASHWATCH_JAVA";

    private WatchdogFiles() {
    }

    /** {@code watchdog=}, else {@code $CRASHWATCH_WATCHDOG}, else crashwatch.jar beside the jar the agent came from. */
    static File watchdogJar(SidecarOptions options) {
        File given = given(options.watchdog(), WATCHDOG_ENV);
        if (given != null) {
            return given;
        }
        File agentJar = agentJar();
        return agentJar == null ? null : new File(agentJar.getParentFile(), WATCHDOG_JAR);
    }

    /**
     * The jar (or directory) this agent's classes were loaded from: the agent jar, or an app jar embedding it. Classes
     * from the boot class path (the agent jar's {@code Boot-Class-Path}) have no code source; {@link
     * BootClassPathJar} finds it.
     */
    static File agentJar() {
        try {
            CodeSource source = WatchdogFiles.class.getProtectionDomain().getCodeSource();
            return source == null ? BootClassPathJar.find()
                    : new File(source.getLocation().toURI()).getAbsoluteFile();
        } catch (Exception e) {
            return null;
        }
    }

    /** The executable relay beside the watchdog jar; null if there is none or {@code $CRASHWATCH_NO_NATIVE} is set. */
    static File relay(File jar) {
        String noNative = System.getenv(NO_NATIVE_ENV);
        return noNative != null && !noNative.isEmpty() ? null : besideJar(jar, RELAY, true);
    }

    /** The class-data sharing archive beside the watchdog jar; null if there is none. */
    static File sharedArchive(File jar) {
        return besideJar(jar, SHARED_ARCHIVE, false);
    }

    /**
     * The file {@code name} beside the watchdog jar, or beside the file the jar links to (an application directory
     * holding a link to crashwatch.jar); null if there is none (or it is not executable, when it has to be).
     */
    static File besideJar(File jar, String name, boolean executable) {
        File beside = new File(jar.getAbsoluteFile().getParentFile(), name);
        if (executable ? beside.canExecute() : beside.isFile()) {
            return beside;
        }
        try {
            File real = new File(jar.getCanonicalFile().getParentFile(), name);
            return (executable ? real.canExecute() : real.isFile()) ? real : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code java=}, else {@code $CRASHWATCH_JAVA}, else this JVM's {@code bin/java}. */
    static File javaExecutable(SidecarOptions options) {
        File given = given(options.java(), JAVA_ENV);
        return given != null ? given : new File(new File(System.getProperty("java.home"), "bin"), "java");
    }

    /** The path the agent option gives, else the one the environment variable gives, else null. */
    private static File given(String option, String envName) {
        if (option != null) {
            return new File(option);
        }
        String fromEnv = System.getenv(envName);
        return fromEnv != null && !fromEnv.trim().isEmpty() ? new File(fromEnv) : null;
    }
}
