package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.launch.AgentJar;
import dev.crashwatch.watchdog.launch.Launcher;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.StreamDiagnostics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code crashwatch demo}: runs a handful of sample crashes under the watchdog, exactly as {@code crashwatch run}
 * does, against a throw-away store in a temporary directory, then prints the counters they left. The samples
 * jar comes from the system property {@code crashwatch.samples.jar} (the {@code crashwatch} script sets it).
 */
public final class DemoCommand implements Command {
    static final String SAMPLES_PROPERTY = "crashwatch.samples.jar";
    static final String STORE_PROPERTY = "crashwatch.dir";

    /** One sample run: what the user reads, then the JVM options and the sample's arguments. */
    private record Sample(String what, List<String> jvmOptions, List<String> args) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("uncaught NullPointerException in main", List.of(), List.of("npe")),
            new Sample("uncaught exception in a worker thread (the JVM carries on)", List.of(), List.of("worker")),
            new Sample("exception with a cause and a suppressed one", List.of(), List.of("nested")),
            new Sample("System.exit(3): not a crash", List.of(), List.of("exit", "3")),
            new Sample("StackOverflowError", List.of(), List.of("stackoverflow")),
            new Sample("native SIGSEGV (hs_err log)", List.of(), List.of("native-segv")),
            new Sample("native abort() (SIGABRT, no hs_err)", List.of(), List.of("native-abort")),
            new Sample("heap exhausted with -XX:+ExitOnOutOfMemoryError", List.of("-Xmx32m",
                    "-XX:+ExitOnOutOfMemoryError"), List.of("oom-exit")),
            new Sample("killed by SIGKILL", List.of(), List.of("kill-self")),
            new Sample("uncaught NullPointerException in main, again", List.of(), List.of("npe")));

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Run sample crashes against a throw-away store and print the counters";
    }

    @Override
    public String usage() {
        return "usage: crashwatch demo\nRuns sample crashes under the watchdog against a temporary store, prints each "
                + "exit status, then the counters. Touches nothing else.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments");
        }
        String samples = System.getProperty(SAMPLES_PROPERTY);
        if (samples == null || !Files.isRegularFile(Path.of(samples))) {
            err.println("crashwatch demo: samples jar not found (system property " + SAMPLES_PROPERTY + "="
                    + samples + "); run it through ./crashwatch, which builds it");
            return 1;
        }
        Path agent = AgentJar.find().orElse(null);
        if (agent == null) {
            err.println("crashwatch demo: crashwatch-agent.jar not found beside crashwatch.jar");
            return 1;
        }
        Path tmp = Files.createTempDirectory("crashwatch-demo-");
        try {
            return demo(Path.of(samples).toAbsolutePath(), agent, tmp, out, err);
        } finally {
            deleteTree(tmp);
        }
    }

    private static int demo(Path samples, Path agent, Path tmp, PrintStream out, PrintStream err) throws Exception {
        Path storeDir = Files.createDirectory(tmp.resolve("store"));
        Path work = Files.createDirectory(tmp.resolve("work"));
        Store store = Store.at(storeDir);
        Diagnostics diagnostics = new StreamDiagnostics(err);
        Launcher launcher = new Launcher(store, new Labels("demo", "1.0"), agent, diagnostics)
                .quietIn(work, tmp.resolve("samples-output.txt"));
        out.println("Running sample crashes under the watchdog, as `crashwatch run -- java -cp samples.jar "
                + "dev.crashwatch.samples.Crash <kind>` would");
        out.println("(a throw-away store in " + storeDir + "; the samples' own output is hidden):");
        out.println();
        for (Sample s : SAMPLES) {
            int status = launcher.run(command(samples, s));
            out.printf("  %-16s exit %3d   %s%n", String.join(" ", s.args()), status, s.what());
        }
        out.println();
        out.println("crashwatch counters:");
        out.println();
        return withStore(storeDir, () -> Main.execute(new String[] {"counters"}, out, err));
    }

    private static List<String> command(Path samples, Sample s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(s.jvmOptions());
        cmd.addAll(List.of("-cp", samples.toString(), "dev.crashwatch.samples.Crash"));
        cmd.addAll(s.args());
        return cmd;
    }

    /** Runs {@code body} with the default store pointed at {@code dir}, as {@code Store.openDefault()} honours. */
    private static int withStore(Path dir, java.util.function.IntSupplier body) {
        String before = System.getProperty(STORE_PROPERTY);
        System.setProperty(STORE_PROPERTY, dir.toString());
        try {
            return body.getAsInt();
        } finally {
            if (before == null) {
                System.clearProperty(STORE_PROPERTY);
            } else {
                System.setProperty(STORE_PROPERTY, before);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
