package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A simulated tester's machine: its own store, used only through the {@code crashwatch} script as a user does
 * ({@code CRASHWATCH_DIR}), with the fleet's settings in its environment.
 */
final class Machine {
    static final long TIMEOUT_SECONDS = 120;

    /** What a command printed and returned. */
    record Result(int status, String out, String err) {
    }

    final Path store;
    private final Path work;
    final Map<String, String> env = new HashMap<>();

    Machine(Path dir) throws IOException {
        this.store = Files.createDirectories(dir.resolve("store"));
        this.work = Files.createDirectories(dir.resolve("work"));
        env.put("CRASHWATCH_DIR", store.toString());
        env.put("CRASHWATCH_NO_CDS", "1");
    }

    static Path repo() {
        return Path.of(System.getProperty("crashwatch.repo", "..")).toAbsolutePath().normalize();
    }

    static Path samples() {
        return Path.of(System.getProperty("crashwatch.samples.jar", "../samples/target/crashwatch-samples.jar"));
    }

    /** {@code crashwatch ARGS...}, waited for. */
    Result crashwatch(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("crashwatch " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + " s");
        }
        return result(p, args);
    }

    /** {@code crashwatch ARGS...}, started; its output goes to files in the work folder. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", repo().resolve("crashwatch").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(args[0] + ".out").toFile())
                .redirectError(work.resolve(args[0] + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("CRASHWATCH_MODE");
        pb.environment().remove("CRASHWATCH_COLLECTOR");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        return pb.start();
    }

    Result result(Process p, String... args) throws IOException {
        return new Result(p.exitValue(), Files.readString(work.resolve(args[0] + ".out"), StandardCharsets.UTF_8),
                Files.readString(work.resolve(args[0] + ".err"), StandardCharsets.UTF_8));
    }

    /** {@code crashwatch run -- java -cp samples.jar Crash KIND}: one real crash. */
    Result crash(String kind) throws IOException, InterruptedException {
        long before = crashesCounted();
        Result r = crashwatch(runArgs(kind));
        assertEquals(1, r.status(), "the sample's own exit status for " + kind + ": " + r.err());
        assertTrue(r.out().contains("sample " + kind + " starting"), "the sample ran: " + r.out() + r.err());
        // The native launcher's Java half records detached, a moment after `crashwatch run` returns.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(TIMEOUT_SECONDS))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> crashesCounted() > before);
        return r;
    }

    static String[] runArgs(String kind) {
        return new String[] {"run", "--", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            samples().toString(), "dev.crashwatch.samples.Crash", kind};
    }

    /** The crashes this machine's store counted, by the store's own reading. */
    long crashesCounted() throws IOException {
        long n = 0;
        for (CounterFile f : Store.at(store).counterFiles()) {
            for (Map.Entry<String, Long> c : f.counters().entrySet()) {
                n += CrashKind.isCrash(c.getKey()) ? c.getValue() : 0;
            }
        }
        return n;
    }
}
