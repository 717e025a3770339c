package dev.crashwatch.watchdog.bench;

import dev.crashwatch.watchdog.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Times CLI command lines in one JVM against the store in {@code crashwatch.dir}: each line {@code rounds} times,
 * printing every round (the first is cold: class loading and JIT included). Output of the commands is discarded.
 *
 * <p>Usage: {@code -Dcrashwatch.dir=STORE TriageTiming ROUNDS 'top --json' 'compare --base A --new B --json'}
 */
public final class TriageTiming {
    private TriageTiming() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        for (int i = 1; i < args.length; i++) {
            String[] line = args[i].split(" ");
            StringBuilder times = new StringBuilder();
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                int status = Main.execute(line, sink, System.err);
                times.append(String.format(" %.3f", (System.nanoTime() - start) / 1e9));
                if (status != 0) {
                    throw new IllegalStateException(args[i] + " exited " + status);
                }
            }
            System.out.println(args[i] + ":" + times + " s");
        }
    }
}
