package dev.crashwatch.fleet.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * {@code crashwatch collector} as a separate JVM started from the built jars (the class path the {@code crashwatch}
 * script gives the fleet's commands), on a fixed loopback port so that it can be killed and started again where
 * its clients look for it.
 */
public final class CollectorProcess implements AutoCloseable {
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    public CollectorProcess(List<String> arguments, Map<String, String> environment, Path log) throws IOException {
        this.port = freePort();
        this.arguments = arguments;
        this.environment = environment;
        this.log = log;
    }

    /** The {@code crashwatch-fleet.jar:lib/*} class path, with the watchdog's jar in front. */
    public static String classPath() {
        Path fleet = Paths.get(System.getProperty("crashwatch.fleet.home", "target")).toAbsolutePath();
        Path home = Paths.get(System.getProperty("crashwatch.home", "../watchdog/target")).toAbsolutePath();
        if (!Files.exists(fleet.resolve("crashwatch-fleet.jar"))) {
            throw new IllegalStateException("no " + fleet + "/crashwatch-fleet.jar: run the ITs through Maven (verify)");
        }
        return home.resolve("crashwatch.jar") + ":" + fleet.resolve("crashwatch-fleet.jar") + ":" + fleet.resolve("lib/*");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts it and waits until {@code /healthz} answers. */
    public void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", classPath(),
                "dev.crashwatch.fleet.cli.FleetMain", "collector", "--listen", "127.0.0.1:" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Http http = new Http(port);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .failFast("collector exited: see " + log, () -> !process.isAlive())
                .ignoreExceptions().until(() -> http.get("/healthz").statusCode() == 200);
    }

    /** Kills it with SIGKILL and waits until it is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
