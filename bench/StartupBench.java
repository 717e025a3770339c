import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up benchmark driver (run by bench/startup.sh): runs each variant of a hello-world JVM in interleaved
 * rounds (the order of the variants rotates from round to round), measures each run's wall time (process start to
 * exit) and, through the stopwatch {@code startup-timer} when it is given, the CPU time the JVM used (user + sys, all
 * its threads), and prints medians and ratios of medians against the baselines (the first variant, and every
 * variant whose name starts with "empty"), and beside each the median of the per-round ratios (each round runs
 * both variants back to back, so a round's ratio cancels what drifts between rounds) with a distribution-free 95 %
 * interval for that median (binomial order statistics: ranks n/2 ± 0.98 √n). Between runs it waits until no crashwatch sidecar process is left, so that
 * one run's sidecar does not bill the next run; the sidecar of a run itself does run during that run, as in real
 * life (its CPU is not in the run's CPU time: it is not the JVM's child once started).
 *
 * <p>Usage: {@code java [-Dtimer=PATH] StartupBench.java ROUNDS name=command ... } (a command is split at spaces).
 */
public final class StartupBench {
    private static final String TIMER = System.getProperty("timer", "");

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (String spec : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = spec.indexOf('=');
            variants.put(spec.substring(0, eq), Arrays.asList(spec.substring(eq + 1).split(" ")));
        }
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        for (String name : variants.keySet()) {
            times.put(name, new ArrayList<>());
            run(variants.get(name)); // warm the page cache once
            waitForSidecars();
        }
        List<String> names = new ArrayList<>(variants.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                times.get(name).add(run(variants.get(name)));
                waitForSidecars();
            }
        }
        report(rounds, times);
    }

    private static void report(int rounds, Map<String, List<double[]>> times) {
        boolean cpu = !TIMER.isEmpty();
        String first = times.keySet().iterator().next();
        System.out.printf("%-24s %9s %7s %7s%s%n", "variant", "median ms", "p10", "p90",
                cpu ? "   cpu ms (user+sys, median)" : "");
        Map<String, double[]> wallRuns = new LinkedHashMap<>();
        Map<String, double[]> cpuRuns = new LinkedHashMap<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Double> cpuTime = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> t : times.entrySet()) {
            double[] w = column(t.getValue(), 0);
            double[] c = column(t.getValue(), 1);
            wallRuns.put(t.getKey(), t.getValue().stream().mapToDouble(r -> r[0]).toArray()); // in round order
            cpuRuns.put(t.getKey(), t.getValue().stream().mapToDouble(r -> r[1]).toArray());
            wall.put(t.getKey(), pct(w, 50));
            cpuTime.put(t.getKey(), pct(c, 50));
            System.out.printf("%-24s %9.1f %7.1f %7.1f%s%n", t.getKey(), pct(w, 50), pct(w, 10), pct(w, 90),
                    cpu ? String.format("   %6.1f", pct(c, 50)) : "");
        }
        System.out.println();
        for (String a : wall.keySet()) {
            for (String b : wall.keySet()) {
                if (!a.equals(b) && (b.equals(first) || b.startsWith("empty"))) {
                    System.out.printf("%-48s wall %.3f%s   paired: wall %s%s%n", a + " / " + b,
                            wall.get(a) / wall.get(b),
                            cpu ? String.format("   cpu %.3f", cpuTime.get(a) / cpuTime.get(b)) : "",
                            paired(wallRuns.get(a), wallRuns.get(b)),
                            cpu ? "   cpu " + paired(cpuRuns.get(a), cpuRuns.get(b)) : "");
                }
            }
        }
        System.out.println("(" + rounds + " interleaved rounds, medians; " + loadAverage() + ")");
    }

    /**
     * The median of the per-round ratios a[i] / b[i] (the i-th run of each variant was in the same round) and its
     * 95 % interval, as "1.012 [1.004, 1.021]".
     */
    static String paired(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = a[i] / b[i];
        }
        Arrays.sort(r);
        double median = n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
        int lo = Math.max(1, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)));
        int hi = Math.min(n, (int) Math.ceil(n / 2.0 + 1 + 0.98 * Math.sqrt(n)));
        return String.format("%.3f [%.3f, %.3f]", median, r[lo - 1], r[hi - 1]);
    }

    /** One run: {wall ms, cpu ms} (cpu 0 without the stopwatch). */
    private static double[] run(List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (!TIMER.isEmpty()) {
            line.add(TIMER);
        }
        line.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (TIMER.isEmpty()) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        int status = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (TIMER.isEmpty()) {
            check(status, command);
            return new double[] {ms, 0};
        }
        String[] f = new String(out, StandardCharsets.US_ASCII).trim().split(" ");
        check(status != 0 ? status : Integer.parseInt(f[3]), command);
        return new double[] {Long.parseLong(f[0]) / 1e3, (Long.parseLong(f[1]) + Long.parseLong(f[2])) / 1e3};
    }

    private static void check(int status, List<String> command) {
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + command);
        }
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

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average at the end " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).sorted().toArray();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round((sorted.length - 1) * p / 100.0))];
    }
}
