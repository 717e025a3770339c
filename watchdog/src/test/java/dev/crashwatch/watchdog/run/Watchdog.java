package dev.crashwatch.watchdog.run;

import static org.awaitility.Awaitility.await;

import dev.crashwatch.watchdog.testing.RequiredTool;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code crashwatch run} the way a user does, as separate processes on the packaged jar, against a test's own
 * store ({@code CRASHWATCH_DIR}), and reads back what it counted with the store's API. The launcher is the Java
 * one ({@code java ... Main run}) or, with the system property {@code crashwatch.launcher=native}, the native
 * {@code crashwatch-run} with its Java half (the failsafe plugin runs these tests once for each).
 */
final class Watchdog {
    /** System property naming the launcher the tests go through: {@code java} (default) or {@code native}. */
    static final String LAUNCHER = "crashwatch.launcher";
    static final String SAMPLE = "dev.crashwatch.samples.Crash";
    /** A generous bound on one wrapped run; a run that takes longer is a hang, reported as a failure. */
    static final long RUN_TIMEOUT_SECONDS = 60;

    private final Path store;
    private final Path work;
    /** Where crashwatch.jar, crashwatch-agent.jar and crashwatch-run are: the build's, or a copy. */
    private final Path jars;

    Watchdog(Path tempDir) throws IOException {
        this(tempDir, TestJars.home());
    }

    /** The same, running the jars and the native launcher in {@code jars} (a copy that other users can read). */
    Watchdog(Path tempDir, Path jars) throws IOException {
        this.store = Files.createDirectories(tempDir.resolve("store"));
        this.work = Files.createDirectories(tempDir.resolve("work"));
        this.jars = jars;
    }

    Path store() {
        return store;
    }

    Path work() {
        return work;
    }

    /** The java command for a sample: {@code <java> [jvmOptions] -cp samples.jar Crash <args>}. */
    static List<String> sample(String java, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", TestJars.samples().toString(), SAMPLE));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The running JDK's java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** True when the tests go through the native launcher. */
    static boolean nativeLauncher() {
        return System.getProperty(LAUNCHER, "java").equals("native");
    }

    /** The native launcher, built beside the jars when a C compiler is there. */
    static Path nativeBinary() {
        return TestJars.home().resolve("crashwatch-run");
    }

    /**
     * {@code java -cp crashwatch.jar ...Main run [runOptions] -- command} or its native counterpart
     * ({@link #LAUNCHER}), in the work directory, output to files.
     */
    ProcessBuilder run(List<String> runOptions, List<String> command, String name) {
        return run(List.of(), runOptions, command, name);
    }

    /** The same, with extra options for the watchdog's own JVM. */
    ProcessBuilder run(List<String> watchdogJvmOptions, List<String> runOptions, List<String> command, String name) {
        return nativeLauncher() ? runNative(watchdogJvmOptions, runOptions, command, name)
                : runJava(watchdogJvmOptions, runOptions, command, name);
    }

    /** Through the Java launcher: {@code java [options] -cp crashwatch.jar ...Main run ...}. */
    ProcessBuilder runJava(List<String> watchdogJvmOptions, List<String> runOptions, List<String> command, String name) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(watchdogJvmOptions);
        cmd.addAll(List.of("-cp", jars.resolve("crashwatch.jar").toString(), "dev.crashwatch.watchdog.cli.Main", "run"));
        cmd.addAll(runOptions);
        cmd.add("--");
        cmd.addAll(command);
        return direct(cmd, name);
    }

    /** Through the native launcher: {@code crashwatch-run AGENT_JAR java [options] -cp crashwatch.jar -- ...}. */
    ProcessBuilder runNative(List<String> watchdogJvmOptions, List<String> runOptions, List<String> command, String name) {
        RequiredTool.require(Files.isExecutable(nativeBinary()), nativeBinary() + " was not built (no C compiler)");
        List<String> cmd = new ArrayList<>(List.of(jars.resolve("crashwatch-run").toString(),
                jars.resolve("crashwatch-agent.jar").toString(),
                java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(watchdogJvmOptions);
        cmd.addAll(List.of("-cp", jars.resolve("crashwatch.jar").toString(), "--"));
        cmd.addAll(runOptions);
        cmd.add("--");
        cmd.addAll(command);
        return direct(cmd, name);
    }

    /** Any command in the work directory with the test store, output to {@code <name>.out} / {@code <name>.err}. */
    ProcessBuilder direct(List<String> command, String name) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        pb.environment().remove("CRASHWATCH_MODE");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        String cache = System.getProperty("crashwatch.cache");
        if (cache != null) {
            pb.environment().put("XDG_CACHE_HOME", cache);
        }
        return pb;
    }

    /**
     * Gives the child {@code JAVA_TOOL_OPTIONS} as the crashwatch script does: to the native launcher as they are
     * (it keeps them off its Java half), to the Java launcher in {@code CRASHWATCH_CHILD_TOOL_OPTIONS} (its own JVM
     * must not pick them up; it gives them back to the child).
     */
    static ProcessBuilder withChildToolOptions(ProcessBuilder pb, String options) {
        pb.environment().put(nativeLauncher() ? "JAVA_TOOL_OPTIONS" : "CRASHWATCH_CHILD_TOOL_OPTIONS", options);
        return pb;
    }

    /** Starts, waits (bounded) and returns the exit status. */
    static int exitStatus(ProcessBuilder pb) throws IOException, InterruptedException {
        return exitStatus(pb.start());
    }

    static int exitStatus(Process p) throws InterruptedException {
        if (!p.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("run did not end within " + RUN_TIMEOUT_SECONDS + " s: " + p.info());
        }
        return p.exitValue();
    }

    byte[] out(String name) throws IOException {
        return Files.readAllBytes(work.resolve(name + ".out"));
    }

    byte[] err(String name) throws IOException {
        return Files.readAllBytes(work.resolve(name + ".err"));
    }

    /** For failure messages. */
    byte[] errQuietly(String name) {
        try {
            return err(name);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Waits until no Java half of the native launcher records into this test's store: {@code crashwatch-run} starts
     * it detached and exits without waiting for it (docs/native.md), so what a run counted is in the store once it
     * is gone. Found by its main class and the store in its environment ({@code /proc}).
     */
    void awaitRecorded() {
        await().atMost(Duration.ofSeconds(RUN_TIMEOUT_SECONDS))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> javaHalf().isEmpty());
    }

    /** A Java half of the native launcher recording into this test's store, if one runs. */
    Optional<Long> javaHalf() {
        String main = "dev.crashwatch.watchdog.launch.WatchMain";
        byte[] env = ("CRASHWATCH_DIR=" + store + "\0").getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses().filter(p -> holds(p.pid(), "cmdline", main.getBytes())
                && holds(p.pid(), "environ", env)).map(ProcessHandle::pid).findFirst();
    }

    /** Whether {@code /proc/PID/FILE} holds {@code bytes}; false for a process gone or not readable. */
    private static boolean holds(long pid, String file, byte[] bytes) {
        try {
            byte[] text = Files.readAllBytes(Path.of("/proc", Long.toString(pid), file));
            outer:
            for (int i = 0; i + bytes.length <= text.length; i++) {
                for (int j = 0; j < bytes.length; j++) {
                    if (text[i + j] != bytes[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Every counter in the store but the runs, summed over its counter files: name to count. Runs
     * ({@code crashwatch/runs}) are left out: where they are at a given moment depends on the launcher (journaled
     * until the next reader folds them, or, for a native launcher's run with something to record, counted with its
     * crash: docs/native.md, "Pending runs"); {@code RunsIT} counts them.
     */
    Map<String, Long> counters() throws IOException {
        awaitRecorded();
        Map<String, Long> all = new HashMap<>();
        for (CounterFile f : Store.at(store).counterFiles()) {
            f.counters().forEach((name, n) -> {
                if (!name.equals(Store.RUNS_COUNTER)) {
                    all.merge(name, n, Long::sum);
                }
            });
        }
        return all;
    }

    /** Counters whose name starts with {@code prefix} (its first line and maybe more). */
    Map<String, Long> counters(String prefix) throws IOException {
        Map<String, Long> some = new HashMap<>();
        counters().forEach((name, n) -> {
            if (name.startsWith(prefix)) {
                some.put(name, n);
            }
        });
        return some;
    }

    List<CounterFile> counterFiles() throws IOException {
        awaitRecorded();
        return Store.at(store).counterFiles();
    }

    List<Path> malformedFiles() throws IOException {
        awaitRecorded();
        return Store.at(store).malformedFiles();
    }
}
