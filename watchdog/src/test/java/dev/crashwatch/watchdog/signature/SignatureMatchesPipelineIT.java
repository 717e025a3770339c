package dev.crashwatch.watchdog.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code crashwatch signature --classpath} on what a crash left behind (the stderr trace, or the hs_err log) prints the
 * very name the live pipeline counted for it: a release engineer pasting a bug report finds the counter.
 */
class SignatureMatchesPipelineIT {
    @ParameterizedTest
    @ValueSource(strings = {"nested", "native-segv"})
    void signatureOfTheLeftoversIsTheCountedName(String kind, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path stderr = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String samples = TestJars.samples().toString();
        run(List.of(java, "-jar", TestJars.watchdog().toString(), "run", "--", java, "-cp", samples,
                "dev.crashwatch.samples.Crash", kind), tmp, store, stderr);

        List<String> counted = new ArrayList<>();
        for (CounterFile f : Store.at(store).counterFiles()) {
            counted.addAll(f.counters().keySet());
        }
        assertEquals(1, counted.size(), counted + " counted; the run wrote:\n" + Files.readString(stderr));
        Path leftover = kind.equals("native-segv") ? hsErrIn(tmp) : stderr;
        Path printed = tmp.resolve("signature.txt");
        run(List.of(java, "-jar", TestJars.watchdog().toString(), "signature", "--classpath", samples, leftover.toString()),
                tmp, store, printed);
        assertEquals(counted.get(0) + "\n", Files.readString(printed, StandardCharsets.UTF_8));
        assertTrue(counted.get(0).startsWith(kind.equals("native-segv") ? "crash/fatal\nSIGSEGV\n" : "crash/crash\n"));
    }

    private static Path hsErrIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).findFirst().orElseThrow();
        }
    }

    /** Runs a command in {@code dir} against {@code store}; stdout to {@code out} (or stderr, for a crash's trace). */
    private static void run(List<String> command, Path dir, Path store, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        boolean crash = command.contains("run");
        File target = out.toFile();
        pb.redirectOutput(crash ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(target));
        pb.redirectError(crash ? ProcessBuilder.Redirect.to(target) : ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not end");
        }
    }
}
