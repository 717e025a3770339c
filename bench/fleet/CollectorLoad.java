import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportEntry;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The fleet simulation of docs/benchmarks.md ("Collector"): MACHINES machines x WEEKS weeks of reports, crashes drawn
 * from a Zipf distribution over 200 stacks and 5 versions (2 of them prereleases), uploaded by CLIENTS concurrent
 * clients to a collector on loopback, each report retried until it gets a 2xx. First a baseline round of as many
 * GET /healthz through the same clients (the HTTP cost alone), then the upload round. Prints accepted reports per
 * second, p50/p99/max latency, retries, and checks the store: every report present once, parseable (lost: 0).
 * Usage: java -cp crashwatch.jar CollectorLoad.java PORT STORE_DIR MACHINES WEEKS CLIENTS
 */
public class CollectorLoad {
    static final String[] VERSIONS = {"2.2.5", "2.3.0", "2.3.1", "2.4.0-rc1", "2.4.0-rc2"};
    static final String[] TYPES = {"java.lang.IllegalStateException", "java.lang.NullPointerException",
            "java.lang.IllegalArgumentException", "java.io.UncheckedIOException", "java.lang.OutOfMemoryError"};

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path store = Path.of(args[1]);
        int machines = Integer.parseInt(args[2]);
        int weeks = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        double pace = args.length > 5 ? Double.parseDouble(args[5]) : 1000;
        List<Report> reports = fleet(machines, weeks, new Random(42));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port;

        List<byte[]> bodies = reports.stream().map(r -> ReportJson.write(r).getBytes(StandardCharsets.UTF_8)).toList();
        Round warm = round(http, base, clients, null, Math.min(2000, bodies.size()), 0);
        Round baseline = round(http, base, clients, null, bodies.size() / 2, 0);
        int half = bodies.size() / 2;
        Round upload = round(http, base, clients, bodies.subList(0, half), half, 0);
        Round paced = round(http, base, clients, bodies.subList(half, bodies.size()), bodies.size() - half, pace);
        System.out.printf("reports: %d (%d machines x %d weeks), %d clients, %d entries, %d counters%n",
                reports.size(), machines, weeks, clients,
                reports.stream().mapToInt(r -> r.entries().size()).sum(),
                reports.stream().flatMap(r -> r.entries().stream()).mapToInt(e -> e.counters().size()).sum());
        System.out.println("baseline GET /healthz: " + baseline.summary() + " (warm-up " + warm.requests + ")");
        System.out.println("upload POST /v1/reports, as fast as they go: " + upload.summary());
        System.out.println("upload POST /v1/reports, offered at " + (int) pace + "/s: " + paced.summary());

        Map<String, Integer> found = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(store)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".json") && p.getParent().getFileName().toString()
                    .startsWith("received=")).toList()) {
                Report r = ReportJson.read(Files.readAllBytes(p));
                found.merge(r.id(), 1, Integer::sum);
            }
        }
        long lost = reports.stream().filter(r -> !found.containsKey(r.id())).count();
        long doubled = found.values().stream().filter(n -> n > 1).count();
        System.out.println("stored: " + found.size() + ", lost: " + lost + ", stored twice: " + doubled);
        if (lost > 0 || doubled > 0) {
            System.exit(1);
        }
    }

    /** One report per machine and week that had a crash; a machine moves to newer versions as weeks pass. */
    static List<Report> fleet(int machines, int weeks, Random random) {
        LocalDate last = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        Zipf stacks = new Zipf(200, 1.1);
        Zipf versions = new Zipf(VERSIONS.length, 0.8);
        List<Report> reports = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            for (int w = weeks - 1; w >= 0; w--) {
                Map<String, Long> counters = new LinkedHashMap<>();
                int crashes = 1 + random.nextInt(6);
                for (int c = 0; c < crashes; c++) {
                    counters.merge(stack(stacks.next(random)), 1L, Long::sum);
                }
                String version = VERSIONS[VERSIONS.length - 1 - versions.next(random)];
                byte[] id = new byte[16];
                random.nextBytes(id);
                reports.add(new Report(HexFormat.of().formatHex(id), last.minusWeeks(w), List.of(new ReportEntry(
                        "app", version, "17.0.15", "linux-debian-12", "amd64", counters))));
            }
        }
        return reports;
    }

    static String stack(int n) {
        StringBuilder name = new StringBuilder("crash/crash\n").append(TYPES[n % TYPES.length]);
        for (int f = 0; f < 4 + n % 9; f++) {
            name.append("\ncom.example.m").append(n % 17).append(".Service").append((n + f) % 23)
                    .append(".step").append(f).append(":+").append((n * 7 + f) % 40);
        }
        return name.append("\ncom.example.Main.main:+3").toString();
    }

    /** Zipf over 0..n-1 with exponent s, by inverting its cumulative distribution. */
    record Zipf(double[] cumulative) {
        Zipf(int n, double s) {
            this(cumulative(n, s));
        }

        static double[] cumulative(int n, double s) {
            double[] c = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                c[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                c[k] /= sum;
            }
            return c;
        }

        int next(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
        }
    }

    record Round(int requests, long nanos, long[] latencies, int retries) {
        String summary() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return String.format("%d requests in %.2f s = %.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                            + "retries %d", requests, nanos / 1e9, requests / (nanos / 1e9), pct(sorted, 0.50),
                    pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6, retries);
        }

        static double pct(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /**
     * Sends every body (or, with null bodies, {@code count} GET /healthz) through {@code clients} threads: as fast as
     * they go ({@code rate} 0: each client sends its next request when the last is answered, so by Little's law the
     * mean latency is clients / throughput), or the i-th request at {@code i / rate} seconds, its latency counted from
     * then (so a slow answer that delays the next request is not hidden).
     */
    static Round round(HttpClient http, String base, int clients, List<byte[]> bodies, int count, double rate)
            throws Exception {
        ConcurrentLinkedQueue<Integer> work = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            work.add(i);
        }
        long[] latencies = new long[count];
        AtomicInteger retries = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        final long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    Integer i;
                    while ((i = work.poll()) != null) {
                        long due = rate > 0 ? start + (long) (i * 1e9 / rate) : 0;
                        long sleep = due - System.nanoTime();
                        if (sleep > 0) {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        }
                        HttpRequest request = bodies == null
                                ? HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build()
                                : HttpRequest.newBuilder(URI.create(base + "/v1/reports"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                        long t0 = rate > 0 ? due : System.nanoTime();
                        while (true) {
                            try {
                                int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                                if (status / 100 == 2) {
                                    break;
                                }
                                if (status != 503 && status != 429) {
                                    failures.incrementAndGet();
                                    break;
                                }
                            } catch (java.io.IOException e) {
                                // retried
                            }
                            retries.incrementAndGet();
                            Thread.sleep(50);
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        long nanos = System.nanoTime() - start;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests refused");
        }
        return new Round(count, nanos, latencies, retries.get());
    }
}
