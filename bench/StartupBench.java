import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up benchmark driver (run by bench/startup.sh): runs each variant of a hello-world JVM in interleaved
 * rounds, measures each run's wall time (process start to exit), and prints medians and ratios against the
 * baselines. Between runs it waits until no crashwatch sidecar process is left, so that one run's sidecar does not
 * bill the next run; the sidecar of a run itself does run during that run, as in real life.
 *
 * <p>Usage: {@code java StartupBench.java ROUNDS name=command ... } (a command is split at spaces).
 */
public final class StartupBench {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (String spec : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = spec.indexOf('=');
            variants.put(spec.substring(0, eq), Arrays.asList(spec.substring(eq + 1).split(" ")));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (String name : variants.keySet()) {
            times.put(name, new ArrayList<>());
            run(variants.get(name)); // warm the page cache once
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                times.get(v.getKey()).add(run(v.getValue()));
                waitForSidecars();
            }
        }
        String first = variants.keySet().iterator().next();
        System.out.printf("%-22s %9s %9s %9s%n", "variant", "median ms", "p10 ms", "p90 ms");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> t : times.entrySet()) {
            double[] sorted = t.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            medians.put(t.getKey(), pct(sorted, 50));
            System.out.printf("%-22s %9.1f %9.1f %9.1f%n", t.getKey(), pct(sorted, 50), pct(sorted, 10), pct(sorted, 90));
        }
        System.out.println();
        for (String a : medians.keySet()) {
            for (String b : medians.keySet()) {
                if (!a.equals(b) && (b.equals(first) || b.startsWith("empty"))) {
                    System.out.printf("%s / %s = %.3f%n", a, b, medians.get(a) / medians.get(b));
                }
            }
        }
        System.out.println("(" + rounds + " interleaved rounds, medians)");
    }

    private static double run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        int status = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + command);
        }
        return ms;
    }

    /** Waits (up to 5 s) until no process with CRASHWATCH_SIDECAR=1 in its environment is left. */
    static void waitForSidecars() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && sidecarRunning()) {
            Thread.sleep(5);
        }
    }

    static boolean sidecarRunning() {
        File[] procs = new File("/proc").listFiles();
        if (procs == null) {
            return false;
        }
        for (File proc : procs) {
            if (proc.getName().chars().allMatch(Character::isDigit)) {
                try {
                    String env = new String(Files.readAllBytes(Path.of(proc.getPath(), "environ")));
                    if (env.contains("CRASHWATCH_SIDECAR=1")) {
                        return true;
                    }
                } catch (IOException | RuntimeException gone) {
                    // Not ours or gone.
                }
            }
        }
        return false;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round((sorted.length - 1) * p / 100.0))];
    }
}
