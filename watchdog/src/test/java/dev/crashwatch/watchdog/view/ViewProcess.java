package dev.crashwatch.watchdog.view;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar crashwatch.jar view ARGS} as a real process over one store ({@code CRASHWATCH_DIR}), its stdout
 * and stderr in files; {@link #close()} stops it with SIGTERM, as Ctrl-C would, and waits for it.
 */
final class ViewProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving http://localhost:(\\d+)/ ");

    private final Process process;
    private final Path out;
    private final Path err;

    private ViewProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts the view of {@code store}; {@code path} is the child's PATH; output goes to files in {@code work}. */
    static ViewProcess start(Path store, List<String> args, String path, Path work) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", TestJars.watchdog().toString(), "view"));
        command.addAll(args);
        Path out = work.resolve("view-out.txt");
        Path err = work.resolve("view-err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        pb.environment().put("PATH", path);
        return new ViewProcess(pb.start(), out, err);
    }

    /** Waits for the printed address and returns its port. */
    int awaitPort() {
        Matcher m = await("the address printed").atMost(Duration.ofSeconds(30))
            .until(() -> SERVING.matcher(Files.readString(out)), Matcher::find);
        return Integer.parseInt(m.group(1));
    }

    URI uri() {
        return URI.create("http://localhost:" + awaitPort() + "/");
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, once stopped. */
    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "crashwatch view stops on SIGTERM");
    }
}
