package dev.crashwatch.fleet.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.config.UploadConfig;
import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the endpoint: 10,000 generated hostile bodies ({@link HostileBodies}: malformed JSON, deep nesting, huge
 * strings, gzip bombs, wrong types, unknown fields, fields named twice, a value after the report, bad weeks and
 * counts, non-identifier names) over real HTTP, four clients at a time. Every one is answered with a 4xx and a
 * reason, the collector keeps serving, and nothing is stored. The seed is printed and can be set with {@code -Dcrashwatch.fuzz.seed=N}.
 */
class HostileInputTest {
    static final int BODIES = 10_000;

    @TempDir
    Path dir;

    @Test
    void ten_thousand_hostile_bodies_are_each_refused_with_a_4xx_and_nothing_is_stored() throws Exception {
        long seed = Long.getLong("crashwatch.fuzz.seed", System.nanoTime());
        System.out.println("HostileInputTest seed " + seed);
        HostileBodies bodies = new HostileBodies(seed);
        try (FolderStore folder = new FolderStore(dir);
             CollectorServer server = new CollectorServer(CollectorSettings.defaults("127.0.0.1", 0,
                     UploadConfig.allowAll()).withRates(1e9, 1e9, 1e9), new ReportArchive(folder))) {
            server.start();
            Http http = new Http(server.port());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < BODIES; i++) {
                    HostileBodies.Body body = bodies.next();
                    sent.add(clients.submit(() -> {
                        HttpResponse<String> r = http.post(body.bytes(), body.encoding());
                        if (r.statusCode() < 400 || r.statusCode() >= 500 || !r.body().startsWith("{\"error\":\"")) {
                            failures.add(body.kind() + " -> " + r.statusCode() + " " + r.body().strip());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } finally {
                clients.shutdownNow();
            }
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), "seed " + seed);
            assertEquals(200, http.get("/healthz").statusCode());
            try (Stream<Path> files = Files.walk(dir)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
            }
            assertTrue(server.metricsText().contains("crashwatch_collector_accepted_total 0\n"));
        }
    }
}
