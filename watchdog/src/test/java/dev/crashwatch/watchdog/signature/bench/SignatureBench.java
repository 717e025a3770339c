package dev.crashwatch.watchdog.signature.bench;

import dev.crashwatch.watchdog.parse.TextLines;
import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.LineResolvers;
import dev.crashwatch.watchdog.signature.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Times {@link Signatures#counterName} (parse + name) on a 1024-frame StackOverflowError trace and on the largest
 * hs_err log the samples produce, cold (first call in this JVM) and warm (median of batches), against a baseline
 * of only splitting the same text into lines. Usage (after {@code mvn -q -pl watchdog -am test-compile}):
 * {@code java -cp watchdog/target/classes:watchdog/target/test-classes
 * dev.crashwatch.watchdog.signature.bench.SignatureBench [samples.jar]}
 */
public final class SignatureBench {
    private static final String[] ITEMS = {"real/jdk17/crash-stackoverflow.txt", "real/jdk25/crash-stackoverflow.txt",
        "real/jdk17/hserr-native-segv.log", "real/jdk25/hserr-native-segv.log"};
    private static final int WARMUP = 300;
    private static final int BATCHES = 25;
    private static final int PER_BATCH = 20;

    private SignatureBench() {
    }

    public static void main(String[] args) throws IOException {
        LineResolver lines = args.length > 0 ? LineResolvers.forClassPath(args[0]) : LineResolver.NONE;
        long coldStart = System.nanoTime();
        String first = Signatures.counterName(read(ITEMS[0]), lines);
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        System.out.printf("cold first call (%s, class loading included): %.1f ms -> %s%n", ITEMS[0], coldMs,
                first.replace('\n', '|'));
        for (String item : ITEMS) {
            String text = read(item);
            double[] name = micros(() -> Signatures.counterName(text, lines));
            double[] split = micros(() -> TextLines.split(text));
            System.out.printf("%-36s %6d bytes  parse+name median %7.1f us (min %7.1f)  split only median %6.1f us"
                    + "  ratio %5.1f%n", item, text.length(), name[0], name[1], split[0], name[0] / split[0]);
        }
    }

    /** Median and minimum time per call, in microseconds, over batches (medians resist a busy shared machine). */
    private static double[] micros(Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] batches = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < PER_BATCH; i++) {
                work.run();
            }
            batches[b] = (System.nanoTime() - start) / 1e3 / PER_BATCH;
        }
        java.util.Arrays.sort(batches);
        return new double[] {batches[BATCHES / 2], batches[0]};
    }

    private static String read(String item) throws IOException {
        try (InputStream in = SignatureBench.class.getResourceAsStream("/corpus/" + item)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
