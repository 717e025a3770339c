import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sidecar benchmark driver (run by bench/sidecar.sh, with crashwatch.jar on the class path): for each variant of
 * the sidecar, in interleaved rounds, (1) the idle footprint of the process the agent left running beside the
 * application — the relay, or the JVM sidecar — its VmRSS, RssAnon and the CPU time it used to start, read from
 * /proc once it has sat idle for 1.5 s — and (2) crash-to-counter latency: an uncaught exception in main, from the
 * application's exit (and from the crash) to the counter being in the store (through the relay, that includes
 * starting the Java sidecar).
 *
 * <p>Usage: {@code java -cp crashwatch.jar SidecarBench.java ROUNDS AGENT SAMPLES name=kind:options ...}; kind is
 * {@code relay} (the agent's default when crashwatch-relay is built) or {@code jvm} ({@code CRASHWATCH_NO_NATIVE=1});
 * options are the Java sidecar's JVM options, whitespace-separated ({@code CRASHWATCH_SIDECAR_JVM_OPTIONS}), or
 * "default" for the agent's own.
 */
public final class SidecarBench {
    private static final long TICK_MS = 10; // CLK_TCK = 100 on Linux

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String agent = args[1];
        String samples = args[2];
        Map<String, String> variants = new LinkedHashMap<>();
        for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
            int eq = spec.indexOf('=');
            variants.put(spec.substring(0, eq), spec.substring(eq + 1));
        }
        if (!Files.isExecutable(Path.of(agent).resolveSibling("crashwatch-relay"))) {
            throw new IllegalStateException("no crashwatch-relay beside " + agent + " (no C compiler at build time?)");
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("sidecar-bench");
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String> v : variants.entrySet()) {
                Path store = work.resolve(v.getKey() + "-" + round);
                results.computeIfAbsent(v.getKey(), k -> new ArrayList<>())
                        .add(trial(agent, samples, v.getValue(), store));
            }
        }
        System.out.printf("%-14s %8s %9s %8s %14s %14s%n", "variant", "VmRSS MB", "RssAnon MB", "CPU ms",
                "exit->count ms", "crash->count ms");
        for (Map.Entry<String, List<double[]>> r : results.entrySet()) {
            System.out.printf("%-14s %8.1f %9.1f %8.0f %14.0f %14.0f%n", r.getKey(), median(r.getValue(), 0),
                    median(r.getValue(), 1), median(r.getValue(), 2), median(r.getValue(), 3), median(r.getValue(), 4));
        }
        System.out.println("(medians of " + rounds + " interleaved rounds; options: " + variants + ")");
    }

    /** One application run: {rssMB, anonMB, cpuMs, exitToCountMs, crashToCountMs}. */
    private static double[] trial(String agent, String samples, String variant, Path store) throws Exception {
        boolean relay = variant.startsWith("relay:");
        String options = variant.substring(variant.indexOf(':') + 1);
        ProcessBuilder pb = new ProcessBuilder(javaExe(), "-javaagent:" + agent, "-cp", samples,
                "dev.crashwatch.samples.sidecar.FlagApp", "--wait-stdin", "npe")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CRASHWATCH_DIR", store.toString());
        pb.environment().remove("CRASHWATCH_NO_NATIVE");
        if (!relay) {
            pb.environment().put("CRASHWATCH_NO_NATIVE", "1");
        }
        if (!options.equals("default")) {
            pb.environment().put("CRASHWATCH_SIDECAR_JVM_OPTIONS", options);
        }
        Process app = pb.start();
        long sidecar = awaitSidecar(store, relay ? "crashwatch-relay" : "java");
        Thread.sleep(1500);
        String status = Files.readString(Path.of("/proc", Long.toString(sidecar), "status"));
        double rss = kb(status, "VmRSS:") / 1024.0;
        double anon = kb(status, "RssAnon:") / 1024.0;
        double cpu = cpuTicks(sidecar) * TICK_MS;

        long crash = System.nanoTime();
        try (OutputStream in = app.getOutputStream()) {
            in.write('\n');
        }
        app.waitFor();
        long exit = System.nanoTime();
        while (!counted(store)) {
            Thread.sleep(1);
        }
        long counted = System.nanoTime();
        return new double[] {rss, anon, cpu, (counted - exit) / 1e6, (counted - crash) / 1e6};
    }

    /** The sidecar process of this store whose executable's name ends with {@code program}. */
    private static long awaitSidecar(Path store, String program) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Path proc : Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                try {
                    String cmd = Files.readString(proc.resolve("cmdline"));
                    if (cmd.contains("SidecarMain") && cmd.contains(store.toString()) && cmd.startsWith("/")
                            && cmd.split("\0")[0].endsWith(program)) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // next
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no sidecar for " + store);
    }

    private static boolean counted(Path store) throws IOException {
        for (CounterFile f : Store.at(store).counterFiles()) {
            for (String name : f.counters().keySet()) {
                if (name.startsWith("crash/crash")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long kb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }

    private static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
