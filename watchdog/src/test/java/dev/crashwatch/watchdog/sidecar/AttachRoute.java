package dev.crashwatch.watchdog.sidecar;

import dev.crashwatch.watchdog.testing.TestJars;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The three ways to attach crashwatch without {@code crashwatch run}, as the command line of a sample. */
enum AttachRoute {
    /** {@code -javaagent:crashwatch-agent.jar}: the agent finds crashwatch.jar beside itself. */
    FLAG {
        @Override
        List<String> prefix(Path workDir) {
            return List.of("-javaagent:" + TestJars.agent(), "-cp", TestJars.samples().toString(),
                    SAMPLES + "FlagApp");
        }
    },
    /** {@code java -jar app.jar} with {@code Launcher-Agent-Class}; crashwatch.jar is linked beside app.jar. */
    LAUNCHER_AGENT_CLASS {
        @Override
        List<String> prefix(Path workDir) throws IOException {
            Path dir = Files.createDirectories(workDir.resolve("app"));
            Path app = dir.resolve("app.jar");
            if (!Files.exists(app)) {
                Files.copy(TestJars.samples().resolveSibling("crashwatch-sidecar-app.jar"), app);
                Files.createSymbolicLink(dir.resolve("crashwatch.jar"), TestJars.watchdog());
            }
            return List.of("-jar", app.toString());
        }
    },
    /** {@code Crashwatch.start()} in main, the agent jar an ordinary library on the class path. */
    START_CALL {
        @Override
        List<String> prefix(Path workDir) {
            return List.of("-cp", TestJars.samples() + File.pathSeparator + TestJars.agent(),
                    SAMPLES + "StartCallApp");
        }
    };

    private static final String SAMPLES = "dev.crashwatch.samples.sidecar.";

    /** The java arguments up to the sample's own arguments. */
    abstract List<String> prefix(Path workDir) throws IOException;

    /** The whole command: this JVM's java, the route, then the sample arguments ({@code [--wait-stdin] kind}). */
    List<String> command(Path workDir, String... sampleArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(prefix(workDir));
        command.addAll(List.of(sampleArgs));
        return command;
    }
}
