import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Crash-to-counter latency of `crashwatch run` (run by bench/launcher.sh): runs a command whose JVM prints a line
 * ending in "starting" and then dies of an uncaught exception, ROUNDS times, against a fresh store each time, and
 * measures from the moment that line is read to the moment a counter file appears in the store (the Java half,
 * started lazily after the child is gone, has recorded it). Prints the median, p10 and p90, and how many rounds were
 * counted at all. The store's counters directory is polled every millisecond (a directory listing: cheap).
 *
 * <p>Usage: {@code java CrashLatency.java ROUNDS WORKDIR COMMAND...} (COMMAND gets CRASHWATCH_DIR=WORKDIR/store-N).
 */
public final class CrashLatency {
    private static final long GIVE_UP_NANOS = 20_000_000_000L;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        File work = new File(args[1]);
        List<String> command = Arrays.asList(args).subList(2, args.length);
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            File store = new File(work, "store-" + round);
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("CRASHWATCH_DIR", store.getPath());
            Process p = pb.start();
            p.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.endsWith("starting"); ) {
                // before the crash
            }
            long crashed = System.nanoTime();
            File counters = new File(store, "counters");
            while (!counted(counters) && System.nanoTime() - crashed < GIVE_UP_NANOS) {
                Thread.sleep(1);
            }
            if (counted(counters)) {
                millis.add((System.nanoTime() - crashed) / 1e6);
            }
            while (out.readLine() != null) {
                // the rest of its output
            }
            p.waitFor();
            waitForJavaHalves();
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("crash-to-counter: median %.0f ms, p10 %.0f, p90 %.0f (%d of %d crashes counted)%n",
                pct(sorted, 50), pct(sorted, 10), pct(sorted, 90), sorted.length, rounds);
    }

    private static boolean counted(File counters) {
        String[] names = counters.list();
        if (names == null) {
            return false;
        }
        for (String name : names) {
            if (name.endsWith(".json")) {
                return true;
            }
        }
        return false;
    }

    /** Waits until no Java half of crashwatch-run is left, so that one round's recording does not bill the next. */
    private static void waitForJavaHalves() throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (System.nanoTime() < deadline && ProcessHandle.allProcesses().anyMatch(
                h -> h.info().commandLine().orElse("").contains("dev.crashwatch.watchdog.launch.WatchMain"))) {
            Thread.sleep(5);
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.round((sorted.length - 1) * p / 100.0))];
    }
}
