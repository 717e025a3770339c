package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.triage.CounterFilter;
import dev.crashwatch.watchdog.triage.Triage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark (not a test): how long one view of a big store takes, against what {@code top} plus {@code compare}
 * do on the same store (read every counter file, rank, compare the two newest versions). The store is written
 * once through {@link Store#add}: 52 weeks x 20 versions, each file holding the same 500 crash counters.
 * Run: {@code java -cp watchdog/target/crashwatch.jar:watchdog/target/test-classes
 * dev.crashwatch.watchdog.view.ViewPageBench DIR [TRIALS]}.
 */
public final class ViewPageBench {
    private static final int WEEKS = 52;
    private static final int VERSIONS = 20;
    private static final int COUNTERS = 500;

    private ViewPageBench() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.at(Path.of(args[0]));
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        if (store.counterFiles().isEmpty()) {
            fill(store);
        }
        System.out.printf("store: %d counter files, %d MB%n", store.counterFiles().size(), megabytes(store));
        long[] baseline = new long[trials];
        long[] page = new long[trials];
        long[] http = new long[trials];
        try (ViewServer server = ViewServer.start(store, 0)) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = -2; i < trials; i++) { // two warm-up rounds, then interleaved trials
                long t0 = System.nanoTime();
                topAndCompare(store);
                long t1 = System.nanoTime();
                new ViewPage(store).render(QueryParams.parse(null));
                long t2 = System.nanoTime();
                client.send(HttpRequest.newBuilder(server.uri()).build(), HttpResponse.BodyHandlers.discarding());
                long t3 = System.nanoTime();
                if (i >= 0) {
                    baseline[i] = t1 - t0;
                    page[i] = t2 - t1;
                    http[i] = t3 - t2;
                }
            }
        }
        System.out.printf("median of %d: top+compare %d ms, page render %d ms (ratio %.2f), HTTP GET / %d ms%n",
            trials, median(baseline), median(page), (double) median(page) / median(baseline), median(http));
    }

    private static void topAndCompare(Store store) throws Exception {
        Triage triage = Triage.load(store);
        triage.top(CounterFilter.ALL);
        List<String> versions = triage.versions(Optional.empty());
        triage.compare(Optional.empty(), versions.get(versions.size() - 2), versions.get(versions.size() - 1));
    }

    private static void fill(Store store) throws Exception {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COUNTERS; c++) {
            StringBuilder name = new StringBuilder("crash/crash\njava.lang.IllegalStateException");
            for (int f = 0; f < 8; f++) {
                name.append("\ncom.example.app.module").append(c % 37).append(".Service").append(c)
                    .append(".step").append(f).append(":+").append(f + 1);
            }
            names.add(name.toString());
        }
        LocalDate first = LocalDate.of(2025, 11, 24);
        for (int v = 0; v < VERSIONS; v++) {
            for (int w = 0; w < WEEKS; w++) {
                Map<String, Long> counts = new HashMap<>();
                for (int c = 0; c < COUNTERS; c++) {
                    counts.put(names.get(c), 1L + (c * 7L + w * 3L + v) % 5);
                }
                counts.put(Store.RUNS_COUNTER, 1000L);
                store.add(new CounterFileKey("app", "1." + v + ".0", "17.0.15", "linux", "amd64",
                    first.plusWeeks(w)), counts);
            }
        }
    }

    private static long megabytes(Store store) throws Exception {
        long bytes = 0;
        for (var f : store.counterFiles()) {
            bytes += Files.size(f.path());
        }
        return bytes >> 20;
    }

    private static long median(long[] nanos) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }
}
