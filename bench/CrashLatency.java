import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Crash-to-counter latency of `crashwatch run` (run by bench/launcher.sh): runs a command whose JVM prints a line
 * ending in "starting" and then dies of an uncaught exception, ROUNDS times (after one untimed round that fills the
 * store's caches, as on a machine that has counted before), and measures from the moment that line is read to the
 * moment the store's counter file is replaced (the Java half, started lazily after the child is gone, has recorded
 * the crash). Prints the median, p10 and p90, and how many rounds were counted at all. The counters directory is
 * polled every millisecond (a listing and the files' inode numbers: counter files are replaced by a rename).
 *
 * <p>Usage: {@code java CrashLatency.java ROUNDS WORKDIR COMMAND...} (COMMAND gets CRASHWATCH_DIR=WORKDIR/store).
 */
public final class CrashLatency {
    private static final long GIVE_UP_NANOS = 20_000_000_000L;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        File work = new File(args[1]);
        List<String> command = Arrays.asList(args).subList(2, args.length);
        List<Double> millis = new ArrayList<>();
        File store = new File(work, "latency-store");
        File counters = new File(store, "counters");
        for (int round = -1; round < rounds; round++) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("CRASHWATCH_DIR", store.getPath());
            Process p = pb.start();
            p.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.endsWith("starting"); ) {
                // before the crash
            }
            long crashed = System.nanoTime();
            Map<String, Object> before = snapshot(counters);
            boolean counted;
            while (!(counted = !snapshot(counters).equals(before)) && System.nanoTime() - crashed < GIVE_UP_NANOS) {
                Thread.sleep(1);
            }
            if (counted && round >= 0) {
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

    /** Each counter file's inode number, by name. */
    private static Map<String, Object> snapshot(File counters) {
        Map<String, Object> inodes = new HashMap<>();
        String[] names = counters.list();
        for (String name : names == null ? new String[0] : names) {
            if (name.endsWith(".json")) {
                try {
                    inodes.put(name, Files.getAttribute(Path.of(counters.getPath(), name), "unix:ino"));
                } catch (IOException | RuntimeException e) {
                    inodes.put(name, e.toString());
                }
            }
        }
        return inodes;
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
