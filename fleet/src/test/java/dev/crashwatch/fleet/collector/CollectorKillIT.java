package dev.crashwatch.fleet.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ObjectStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.testing.CollectorProcess;
import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.fleet.testing.S3ProxyServer;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random instants during a load run, 50 times: the collector is a separate JVM from the built jars;
 * six clients send reports and retry each until it gets a 2xx. After every kill, every report that got a 2xx is
 * stored and parses; at the end every report sent is stored exactly once and nothing else is. Run for a folder
 * (50 kills) and for S3 (S3Proxy in this JVM, the collector reaching it over loopback; 20 kills, as each restart of
 * a collector with the AWS SDK costs about three seconds on a 2-core machine).
 */
class CollectorKillIT {
    static final int KILLS = 50;
    static final int S3_KILLS = 20;
    static final int CLIENTS = 6;

    @TempDir
    Path dir;

    @Test
    void folder_storage_loses_and_doubles_nothing_across_50_kills() throws Exception {
        Path store = dir.resolve("store");
        try (ObjectStore objects = new FolderStore(store);
             CollectorProcess collector = new CollectorProcess(
                     List.of("--dir", store.toString(), "--client-rate", "100000", "--total-rate", "100000"),
                     Map.of(), dir.resolve("collector.log"))) {
            run(collector, objects, KILLS);
            try (var tmp = Files.list(store.resolve("_collector/tmp"))) {
                assertEquals(0, tmp.count(), "temporary files left after the last start");
            }
        }
    }

    @Test
    void s3_storage_loses_and_doubles_nothing_across_20_kills() throws Exception {
        try (S3ProxyServer proxy = new S3ProxyServer(Files.createDirectories(dir.resolve("s3")));
             ObjectStore objects = proxy.store("kill");
             CollectorProcess collector = new CollectorProcess(
                     List.of("--s3", "s3://" + S3ProxyServer.BUCKET + "/kill", "--s3-endpoint",
                             proxy.endpoint().toString(), "--client-rate", "100000", "--total-rate", "100000"),
                     proxy.environment(), dir.resolve("collector.log"))) {
            run(collector, objects, S3_KILLS);
        }
    }

    private void run(CollectorProcess collector, ObjectStore objects, int kills) throws Exception {
        collector.start();
        Http http = new Http(collector.port());
        Map<String, Report> acked = new ConcurrentHashMap<>();
        AtomicBoolean killing = new AtomicBoolean(true);
        AtomicInteger retries = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (killing.get()) {
                    Report report = Reports.simple(ReportIds.newId(), 1 + (long) (Math.random() * 5));
                    sendUntilAcked(http, report, retries, failures);
                    acked.put(report.id(), report);
                }
                return null;
            }));
        }
        Random random = new Random();
        try {
            for (int k = 0; k < kills; k++) {
                int before = acked.size();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> acked.size() >= before + 1 + random.nextInt(20));
                collector.kill9();
                Map<String, Report> ackedNow = new HashMap<>(acked);
                assertAllStored(objects, ackedNow);
                collector.start();
            }
        } finally {
            killing.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdownNow();
        }
        assertEquals(List.of(), failures);
        assertAllStored(objects, acked);
        List<String> keys = objects.list(ReportArchive.RECEIVED);
        assertEquals(acked.size(), keys.size(), "one file per report, nothing more");
        assertTrue(retries.get() > 0, "the kills interrupted no request: the test did not test");
        System.out.println("CollectorKillIT: " + acked.size() + " reports stored once each across " + kills
                + " kills; " + retries.get() + " retries");
    }

    private static void sendUntilAcked(Http http, Report report, AtomicInteger retries, List<String> failures)
            throws InterruptedException {
        byte[] body = Reports.json(report);
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = http.post(body);
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    return;
                }
                if (r.statusCode() != 503 && r.statusCode() != 429) {
                    failures.add(report.id() + " -> " + r.statusCode() + " " + r.body());
                    return;
                }
            } catch (IOException e) {
                // the collector died under us: retry, as the upload client does
            }
            retries.incrementAndGet();
            Thread.sleep(Math.min(200, 5L << Math.min(attempt, 5)));
        }
    }

    private static void assertAllStored(ObjectStore objects, Map<String, Report> acked) throws Exception {
        Map<String, String> byId = new HashMap<>();
        for (String key : objects.list(ReportArchive.RECEIVED)) {
            String id = key.substring(key.lastIndexOf('/') + 1).replace(".json", "");
            String earlier = byId.put(id, key);
            assertTrue(earlier == null, "report " + id + " stored twice: " + earlier + " and " + key);
        }
        for (Report sent : acked.values()) {
            String key = byId.get(sent.id());
            assertTrue(key != null, "report " + sent.id() + " got a 2xx but is not stored");
            assertEquals(sent, ReportJson.read(objects.get(key).orElseThrow()));
        }
    }
}
