package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.io.IOException;
import java.security.CodeSource;

/**
 * Where the sidecar's files are: the watchdog jar ({@code watchdog=}, {@code $CRASHWATCH_WATCHDOG}, else crashwatch.jar
 * beside the agent jar), the native relay ({@link NativeHelpers}), the class-data sharing archive in the user's cache
 * ({@link ClassDataArchive}), and the {@code java} that runs it ({@code java=}, {@code $CRASHWATCH_JAVA}, else this
 * JVM's).
 */
final class WatchdogFiles {
    static final String WATCHDOG_JAR = "crashwatch.jar";
    /** The native relay, beside the watchdog jar (docs/native.md). */
    static final String RELAY = "crashwatch-relay";
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

    /**
     * The executable relay for the watchdog jar ({@link NativeHelpers}: beside it or in {@code ../libexec/}), or for
     * the file the jar links to (an application directory holding a link to crashwatch.jar); null if there is none
     * or {@code $CRASHWATCH_NO_NATIVE} is set.
     */
    static File relay(File jar) {
        String noNative = System.getenv(NO_NATIVE_ENV);
        if (noNative != null && !noNative.isEmpty()) {
            return null;
        }
        File relay = NativeHelpers.find(jar.getAbsoluteFile().getParentFile(), RELAY);
        try {
            return relay != null ? relay : NativeHelpers.find(jar.getCanonicalFile().getParentFile(), RELAY);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The class-data sharing archive the script made for this jar and the sidecar's java ({@link ClassDataArchive});
     * null if there is none. One made for an older jar is rejected by the JVM, which then starts without it:
     * {@code -Xlog:disable} keeps that notice out of the sidecar log.
     */
    static File sharedArchive(File jar, File java) {
        File archive = ClassDataArchive.of(ClassDataArchive.cacheDir(), jar, java);
        return archive != null && archive.isFile() ? archive : null;
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
