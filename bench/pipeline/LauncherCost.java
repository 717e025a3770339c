import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Launcher-cost benchmark: wall time of commands run in interleaved rounds (A B C A B C ...), so that drift in
 * the machine's load hits every command alike. Prints each command's median and its ratio to the first.
 * Usage: java LauncherCost.java ROUNDS 'label=cmd arg...' 'label=cmd arg...' ...   (arguments split on spaces)
 */
public final class LauncherCost {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<String> labels = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        for (String spec : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = spec.indexOf('=');
            labels.add(spec.substring(0, eq));
            commands.add(List.of(spec.substring(eq + 1).split(" ")));
        }
        long[][] nanos = new long[commands.size()][rounds];
        for (int i = 0; i < commands.size(); i++) {
            run(commands.get(i)); // warm the page cache once
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < commands.size(); i++) {
                nanos[i][r] = run(commands.get(i));
            }
        }
        double base = median(nanos[0]);
        for (int i = 0; i < commands.size(); i++) {
            double m = median(nanos[i]);
            System.out.printf("%-28s median %7.1f ms   ratio %.2f%n", labels.get(i), m / 1e6, m / base);
        }
    }

    private static long run(List<String> cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(new File("/dev/null")).redirectErrorStream(true).start();
        int status = p.waitFor();
        long t = System.nanoTime() - t0;
        if (status != 0) {
            throw new IllegalStateException(cmd + " exited " + status);
        }
        return t;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
