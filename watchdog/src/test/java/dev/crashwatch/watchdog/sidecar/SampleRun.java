package dev.crashwatch.watchdog.sidecar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One sample JVM started by a test: stdout and stderr in files, stdin a pipe the test may write one line to. */
final class SampleRun {
    private final Process process;
    private final Path out;
    private final Path err;

    private SampleRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static SampleRun start(List<String> command, Path workDir, Map<String, String> env) throws IOException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new SampleRun(builder.start(), out, err);
    }

    Process process() {
        return process;
    }

    /** Lets a sample started with {@code --wait-stdin} go on. */
    void release() throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write('\n');
        }
    }

    /** The exit status; fails the test if the sample runs longer than a minute. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("sample still running after a minute");
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }
}
