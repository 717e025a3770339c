package dev.crashwatch.watchdog.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds {@code crashwatch-agent.jar}: beside {@code crashwatch.jar} (the build puts them side by side), in the
 * directory named by the system property {@code crashwatch.home} (the {@code crashwatch} script sets it).
 */
public final class AgentJar {
    static final String FILE = "crashwatch-agent.jar";

    private AgentJar() {
    }

    public static Optional<Path> find() {
        String home = System.getProperty("crashwatch.home");
        if (home != null && Files.isRegularFile(Path.of(home, FILE))) {
            return Optional.of(Path.of(home, FILE).toAbsolutePath());
        }
        try {
            CodeSource source = AgentJar.class.getProtectionDomain().getCodeSource();
            Path beside = Path.of(source.getLocation().toURI()).toAbsolutePath().resolveSibling(FILE);
            return Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
