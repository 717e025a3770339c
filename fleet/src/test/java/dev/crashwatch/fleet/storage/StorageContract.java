package dev.crashwatch.fleet.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every storage keeps: a folder and S3 (through S3Proxy) run the same tests. */
abstract class StorageContract {
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    static final String FP_A = "a".repeat(64);
    static final String FP_B = "b".repeat(64);

    @TempDir
    Path dir;
    ObjectStore objects;
    ReportArchive archive;

    /** A fresh store for one test, keeping its data under {@code dir}. */
    abstract ObjectStore open(Path dir) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        objects = open(dir);
        archive = new ReportArchive(objects);
    }

    @AfterEach
    void closeStore() {
        archive.close();
    }

    @Test
    void objects_are_stored_whole_replaced_and_listed_by_prefix() throws Exception {
        assertEquals(Optional.empty(), objects.get("received=2026-12-03/x.json"));
        assertFalse(objects.exists("received=2026-12-03/x.json"));
        objects.put("received=2026-12-03/x.json", "one".getBytes(StandardCharsets.UTF_8));
        objects.put("received=2026-12-03/x.json", "two".getBytes(StandardCharsets.UTF_8));
        objects.put("received=2026-12-04/y.json", "three".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), objects.get("received=2026-12-03/x.json").get());
        assertTrue(objects.exists("received=2026-12-03/x.json"));
        assertEquals(List.of("received=2026-12-03/x.json"), objects.list("received=2026-12-03/"));
        assertEquals(2, objects.list(ReportArchive.RECEIVED).size());
    }

    @Test
    void a_report_is_stored_once_under_the_day_it_was_received_and_parses() throws Exception {
        String id = ReportIds.newId();
        byte[] json = Reports.json(Reports.simple(id, 3));
        assertEquals(StoreOutcome.STORED, archive.store(id, FP_A, DAY, json));
        assertEquals(StoreOutcome.ALREADY_STORED, archive.store(id, FP_A, DAY, json));
        assertEquals(StoreOutcome.ALREADY_STORED, archive.store(id, FP_A, DAY.plusDays(1), json));
        assertEquals(List.of("received=2026-12-03/" + id + ".json"), objects.list(ReportArchive.RECEIVED));
        assertEquals(id, ReportJson.read(objects.get(ReportArchive.reportKey(DAY, id)).orElseThrow()).id());
    }

    @Test
    void other_content_under_a_stored_id_is_a_conflict_and_changes_nothing() throws Exception {
        String id = ReportIds.newId();
        byte[] json = Reports.json(Reports.simple(id, 3));
        archive.store(id, FP_A, DAY, json);
        assertEquals(StoreOutcome.CONFLICT, archive.store(id, FP_B, DAY.plusDays(2), Reports.json(Reports.simple(id, 4))));
        assertEquals(List.of(ReportArchive.reportKey(DAY, id)), objects.list(ReportArchive.RECEIVED));
        assertArrayEquals(json, objects.get(ReportArchive.reportKey(DAY, id)).orElseThrow());
    }

    @Test
    void a_claim_left_without_its_report_is_completed_by_the_retry_and_never_doubled() throws Exception {
        String id = ReportIds.newId();
        byte[] json = Reports.json(Reports.simple(id, 1));
        // What a collector killed between its two steps leaves: the claim, no report.
        objects.put(ReportArchive.IDS + id.substring(0, 2) + "/" + id,
                (FP_A + " " + DAY + "\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(StoreOutcome.STORED, archive.store(id, FP_A, DAY.plusDays(1), json));
        assertEquals(StoreOutcome.ALREADY_STORED, archive.store(id, FP_A, DAY.plusDays(2), json));
        assertEquals(List.of(ReportArchive.reportKey(DAY.plusDays(1), id)), objects.list(ReportArchive.RECEIVED));
    }

    @Test
    void concurrent_uploads_of_one_report_store_it_once() throws Exception {
        String id = ReportIds.newId();
        byte[] json = Reports.json(Reports.simple(id, 2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StoreOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                outcomes.add(pool.submit(() -> archive.store(id, FP_A, DAY, json)));
            }
            int stored = 0;
            for (Future<StoreOutcome> f : outcomes) {
                stored += f.get() == StoreOutcome.STORED ? 1 : 0;
            }
            assertEquals(1, stored);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, objects.list(ReportArchive.RECEIVED).size());
    }

    @Test
    void nothing_but_received_days_and_the_collectors_own_folder_is_written_at_the_root() throws Exception {
        for (int i = 0; i < 5; i++) {
            String id = ReportIds.newId();
            archive.store(id, FP_A, DAY.plusDays(i % 2), Reports.json(Reports.simple(id, i)));
        }
        for (String key : objects.list("")) {
            assertTrue(key.matches("received=\\d{4}-\\d{2}-\\d{2}/[0-9a-f]{32}\\.json") || key.startsWith("_collector/"),
                    key);
        }
    }
}
