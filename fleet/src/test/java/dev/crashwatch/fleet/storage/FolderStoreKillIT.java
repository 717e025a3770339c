package dev.crashwatch.fleet.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.testing.CollectorProcess;
import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a collector JVM right after a burst of acknowledgements, while its log still holds reports whose files
 * were not fsynced yet (no checkpoint has run on them). Files a power cut could have left empty — every file the
 * remaining log segments name — are emptied to make the kill as bad as a power cut; after the restart every
 * acknowledged report is stored whole, once, and the log has been replayed.
 */
class FolderStoreKillIT {
    static final int ROUNDS = 6;
    static final int BURST = 120;
    static final int CLIENTS = 20;

    @TempDir
    Path dir;

    @Test
    void reports_acknowledged_before_the_checkpoint_are_there_after_kill_and_replay() throws Exception {
        Path store = dir.resolve("store");
        Path logFolder = store.resolve(FolderStore.LOG);
        List<Report> acked = new ArrayList<>();
        int killedBeforeCheckpoint = 0;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (CollectorProcess collector = new CollectorProcess(
                List.of("--dir", store.toString(), "--client-rate", "100000", "--total-rate", "100000"),
                Map.of(), dir.resolve("collector.log"))) {
            for (int round = 0; round < ROUNDS; round++) {
                collector.start();
                Http http = new Http(collector.port());
                List<Future<Report>> burst = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    burst.add(clients.submit(() -> {
                        Report report = Reports.simple(ReportIds.newId(), 1);
                        HttpResponse<String> r = http.post(Reports.json(report));
                        assertEquals(201, r.statusCode(), r.body());
                        return report;
                    }));
                }
                for (Future<Report> f : burst) {
                    acked.add(f.get());
                }
                collector.kill9();
                Set<String> notFsynced = new HashSet<>();
                for (Path segment : GroupCommit.segments(logFolder)) {
                    LogRecords.read(segment).forEach(put -> notFsynced.add(put.key()));
                }
                killedBeforeCheckpoint += notFsynced.isEmpty() ? 0 : 1;
                for (String key : notFsynced) {
                    try (FileChannel file = FileChannel.open(store.resolve(key), StandardOpenOption.WRITE)) {
                        file.truncate(0);
                    }
                }
            }
            collector.start();
            collector.kill9();
        } finally {
            clients.shutdownNow();
        }
        assertTrue(killedBeforeCheckpoint > 0, "every kill came after the checkpoint: the test did not test");
        try (FolderStore objects = new FolderStore(store)) {
            List<String> keys = objects.list(ReportArchive.RECEIVED);
            assertEquals(acked.size(), keys.size(), "one file per acknowledged report");
            for (Report sent : acked) {
                String key = keys.stream().filter(k -> k.endsWith("/" + sent.id() + ".json")).findFirst()
                        .orElseThrow(() -> new AssertionError("report " + sent.id() + " got a 201 but is lost"));
                assertEquals(sent, ReportJson.read(objects.get(key).orElseThrow()));
            }
        }
        System.out.println("FolderStoreKillIT: " + acked.size() + " reports acknowledged, all stored; "
                + killedBeforeCheckpoint + " of " + ROUNDS + " kills came before the checkpoint");
    }
}
