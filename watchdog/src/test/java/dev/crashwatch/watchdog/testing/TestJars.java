package dev.crashwatch.watchdog.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the built jars are, as the Maven build tells the tests (system properties set in watchdog/pom.xml). */
public final class TestJars {
    private TestJars() {
    }

    /** {@code watchdog/target}: holds crashwatch.jar and crashwatch-agent.jar side by side (ITs only). */
    public static Path home() {
        return existing(System.getProperty("crashwatch.home", "target"));
    }

    /** The watchdog's shaded jar (ITs only: it exists after {@code package}). */
    public static Path watchdog() {
        return home().resolve("crashwatch.jar");
    }

    /** The agent jar, beside the watchdog's. */
    public static Path agent() {
        return home().resolve("crashwatch-agent.jar");
    }

    /** The samples' shaded jar. */
    public static Path samples() {
        return existing(System.getProperty("crashwatch.samples.jar", "../samples/target/crashwatch-samples.jar"));
    }

    /** The repository's root directory. */
    public static Path repo() {
        return existing(System.getProperty("crashwatch.repo", ".."));
    }

    private static Path existing(String path) {
        Path p = Paths.get(path).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " does not exist: run the tests through Maven (mvn verify)");
        }
        return p;
    }
}
