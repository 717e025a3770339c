package dev.crashwatch.fleet.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.fleet.testing.Reports;
import dev.crashwatch.watchdog.store.ReportIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderStorageTest extends StorageContract {
    @Override
    ObjectStore open(Path dir) throws Exception {
        return new FolderStore(dir);
    }

    @Test
    void temporary_files_a_killed_collector_left_are_removed_at_open() throws Exception {
        Path leftover = dir.resolve(FolderStore.TEMP).resolve("half-written.tmp");
        Files.writeString(leftover, "{\"format\":");
        new FolderStore(dir).close();
        assertFalse(Files.exists(leftover));
        assertEquals(List.of(), objects.list(ReportArchive.RECEIVED));
    }

    @Test
    void the_log_is_replayed_at_open_up_to_a_torn_last_record() throws Exception {
        Path other = dir.resolve("other");
        Path logFolder = Files.createDirectories(other.resolve(FolderStore.LOG));
        String a = ReportIds.newId();
        String b = ReportIds.newId();
        byte[] reportA = Reports.json(Reports.simple(a, 1));
        byte[] reportB = Reports.json(Reports.simple(b, 2));
        byte[] first = LogRecords.encode(List.of(claim(a), new ObjectPut(ReportArchive.reportKey(DAY, a), reportA)));
        byte[] second = LogRecords.encode(List.of(claim(b), new ObjectPut(ReportArchive.reportKey(DAY, b), reportB)));
        // A power cut during the second append: its last record is cut short.
        Path segment = logFolder.resolve("0000000000000007.log");
        Files.write(segment, concat(first, Arrays.copyOf(second, second.length - 5)));
        assertEquals(3, LogRecords.read(segment).size());
        // What ext4 may leave of a renamed file whose data was not yet fsynced: an empty file.
        Path reportFileA = Files.createDirectories(other.resolve("received=" + DAY)).resolve(a + ".json");
        Files.write(reportFileA, new byte[0]);

        try (FolderStore reopened = new FolderStore(other)) {
            assertArrayEquals(reportA, Files.readAllBytes(reportFileA));
            assertEquals(List.of(ReportArchive.reportKey(DAY, a)), reopened.list(ReportArchive.RECEIVED));
            assertTrue(reopened.exists(claim(b).key()), "the whole record before the torn one is replayed");
            assertFalse(Files.exists(segment), "replayed segments are deleted");
            // The claim without its report is what a kill between the two leaves: the retry completes it.
            assertEquals(StoreOutcome.STORED, new ReportArchive(reopened).store(b, FP_A, DAY, reportB));
            assertEquals(StoreOutcome.ALREADY_STORED, new ReportArchive(reopened).store(a, FP_A, DAY, reportA));
        }
    }

    @Test
    void a_damaged_record_ends_the_replay_of_its_segment() throws Exception {
        Path segment = dir.resolve("damaged.log");
        byte[] records = LogRecords.encode(
                List.of(claim(ReportIds.newId()), claim(ReportIds.newId()), claim(ReportIds.newId())));
        int recordLength = records.length / 3;
        records[recordLength + 20] ^= 1;
        Files.write(segment, records);
        assertEquals(1, LogRecords.read(segment).size());
    }

    @Test
    void closing_checkpoints_and_empties_the_log() throws Exception {
        for (int i = 0; i < 20; i++) {
            objects.put("received=2026-12-03/" + i + ".json", ("r" + i).getBytes(StandardCharsets.UTF_8));
        }
        objects.close();
        assertEquals(List.of(), GroupCommit.segments(dir.resolve(FolderStore.LOG)));
        assertEquals(20, objects.list(ReportArchive.RECEIVED).size());
    }

    private static ObjectPut claim(String id) {
        return new ObjectPut(ReportArchive.IDS + id.substring(0, 2) + "/" + id,
                (FP_A + " " + DAY + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void a_key_never_leaves_the_root() {
        assertThrows(IllegalArgumentException.class, () -> objects.put("../outside", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> objects.put("/etc/passwd", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> objects.put("a/../../b", new byte[1]));
    }
}
