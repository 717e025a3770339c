package dev.crashwatch.watchdog.bench;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the triage benchmark's store through the real {@link Store}: {@code weeks} weeks × {@code versions}
 * versions of one program, each file holding {@code perFile} of {@code distinct} crash counters (16-frame stack
 * names like real ones) plus {@code crashwatch/runs}. Deterministic (seeded).
 *
 * <p>Usage: {@code TriageStoreGenerator DIR [weeks=52] [versions=20] [distinct=500] [perFile=500]}
 */
public final class TriageStoreGenerator {
    private TriageStoreGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int weeks = arg(args, 1, 52);
        int versions = arg(args, 2, 20);
        int distinct = arg(args, 3, 500);
        int perFile = arg(args, 4, 500);
        long start = System.nanoTime();
        generate(Store.at(dir), weeks, versions, distinct, perFile);
        System.out.printf("wrote %d files (%d weeks x %d versions, %d of %d counters each) in %.1f s%n",
                weeks * versions, weeks, versions, perFile, distinct, (System.nanoTime() - start) / 1e9);
    }

    static void generate(Store store, int weeks, int versions, int distinct, int perFile) throws Exception {
        List<String> names = names(distinct);
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2025, 11, 24);
        for (int v = 0; v < versions; v++) {
            for (int w = 0; w < weeks; w++) {
                CounterFileKey key = new CounterFileKey("bench-app", "3." + v + ".0", "21.0.5", "linux-debian-12",
                        "amd64", first.plusWeeks(w));
                Map<String, Long> counts = new LinkedHashMap<>();
                int offset = random.nextInt(distinct);
                for (int i = 0; i < perFile; i++) {
                    counts.put(names.get((offset + i) % distinct), 1L + random.nextInt(50));
                }
                counts.put(Store.RUNS_COUNTER, 1000L + random.nextInt(1000));
                store.add(key, counts);
            }
        }
    }

    /** Distinct stack counter names: an exception type and 16 frames each. */
    static List<String> names(int distinct) {
        Random random = new Random(7);
        String[] types = {"java.lang.NullPointerException", "java.lang.IllegalStateException",
            "java.lang.ArrayIndexOutOfBoundsException", "java.io.UncheckedIOException", "java.lang.OutOfMemoryError"};
        List<String> names = new ArrayList<>();
        for (int n = 0; n < distinct; n++) {
            StringBuilder name = new StringBuilder(n % 10 == 9 ? "crash/fatal" : "crash/crash");
            name.append('\n').append(types[n % types.length]);
            for (int f = 0; f < 16; f++) {
                name.append("\ncom.example.module").append(random.nextInt(40)).append(".Service")
                        .append(random.nextInt(200)).append(".handle").append(random.nextInt(30)).append(":+")
                        .append(random.nextInt(60));
            }
            names.add(name.toString());
        }
        return names;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
