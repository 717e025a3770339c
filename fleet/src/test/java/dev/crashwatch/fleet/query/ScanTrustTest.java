package dev.crashwatch.fleet.query;

import static dev.crashwatch.fleet.query.TestFleet.A_ID;
import static dev.crashwatch.fleet.query.TestFleet.W1;
import static dev.crashwatch.fleet.query.TestFleet.W2;
import static dev.crashwatch.fleet.query.TestFleet.W4;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's trust in a compacted day without a listing ({@link FolderStamp}, {@link Manifest.Head#trusts}): a late
 * file is seen at once, a racy stamp is never trusted, and the cross-day rule holds when an earlier day changes.
 */
class ScanTrustTest {
    static final LocalDate LATE_DAY = W2.plusDays(7);

    @TempDir
    Path root;
    FleetLayout layout;

    /** The planted fleet, compacted until every day is trusted without a listing (stamps not racy). */
    @BeforeEach
    void compactUntilTrusted() throws Exception {
        layout = TestFleet.write(root);
        BadFiles.plant(root);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Compactor.compact(layout);
            FleetInput input = FleetInput.scan(layout);
            return input.rawDays().isEmpty() && input.relisted().isEmpty();
        });
        assertEquals(layout.days(), FleetInput.scan(layout).compactedDays());
    }

    private String topA(FleetInput input) throws Exception {
        try (FleetDb db = FleetDb.open(input)) {
            FleetCrash a = TopCrashes.rank(db, TopCrashes.Filter.ALL).get(0);
            assertEquals(A_ID, a.stackId());
            return a.machines() + " " + a.count();
        }
    }

    @Test
    void a_late_file_after_compaction_is_read_at_once_without_compacting_again() throws Exception {
        assertEquals("6 10", topA(FleetInput.scan(layout)));
        Path late = TestFleet.write(root, TestFleet.late());
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(LATE_DAY), input.rawDays(), "the folder's stamp changed: listed, and read raw");
        assertTrue(input.json().contains(late));
        assertEquals("7 11", topA(input));
    }

    /** Writes the day's manifest as if its compaction had taken the folder's stamp now, at file-system time {@code listed}. */
    private void stampNow(LocalDate day, FileTime listed) throws Exception {
        Compaction c = Compaction.newest(layout, day).orElseThrow();
        Manifest m = Manifest.read(c.manifest());
        Files.write(c.manifest(), m.stamped(FolderStamp.of(layout.day(day)), Optional.of(listed), m.earlier()).toBytes());
    }

    @Test
    void a_stamp_taken_in_the_same_clock_tick_as_a_change_is_racy_and_the_folder_is_listed() throws Exception {
        Path late = TestFleet.write(root, TestFleet.late());
        FolderStamp now = FolderStamp.of(layout.day(LATE_DAY)).orElseThrow();

        // A compaction that listed the folder (without the late file) and took its stamp in the tick the late file
        // arrived in: the stamp then matches the folder although the folder has a name the compaction did not see.
        stampNow(LATE_DAY, now.modified());
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(LATE_DAY), input.rawDays(), "a stamp not clearly older than its listing is not trusted");
        assertTrue(input.json().contains(late));
        assertEquals("7 11", topA(input));

        // The same stamp taken a second before the listing would have been trusted: what decides is the racy rule.
        FileTime later = FileTime.fromMillis(Math.max(now.modified().toMillis(),
            now.changed().orElse(now.modified()).toMillis()) + 1000);
        stampNow(LATE_DAY, later);
        assertEquals(List.of(), FleetInput.scan(layout).rawDays(), "a stamp clearly older than its listing is trusted");
    }

    @Test
    void a_copy_counted_earlier_is_found_from_a_trusted_days_fingerprints() throws Exception {
        LocalDate newest = W4.plusDays(20);
        Path dir = Files.createDirectories(layout.day(newest));
        Files.copy(layout.day(W1.plusDays(7)).resolve(TestFleet.Planted.id(2) + ".json"),
            dir.resolve(TestFleet.Planted.id(2) + ".json"));
        Path late = TestFleet.write(root, new TestFleet.Planted(16, W4, newest, TestFleet.late().entries()));
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(newest), input.rawDays());
        assertEquals(List.of(late), input.json());
        assertTrue(input.skipped().contains(new Skipped("received=" + newest + "/" + TestFleet.Planted.id(2) + ".json",
            DayFiles.SECOND_COPY)));
        assertEquals("7 11", topA(input));
    }

    @Test
    void a_report_copied_into_an_earlier_day_counts_there_and_the_later_day_is_checked_again() throws Exception {
        String id13 = TestFleet.Planted.id(13) + ".json";
        Path copy = layout.day(W1.plusDays(7)).resolve(id13);
        Files.copy(layout.day(W4.plusDays(7)).resolve(id13), copy);
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(W1.plusDays(7), W4.plusDays(7)), input.rawDays(),
            "the later day's compaction chose against the earlier days' names, which changed");
        assertTrue(input.json().contains(copy));
        assertTrue(input.skipped().contains(new Skipped("received=" + W4.plusDays(7) + "/" + id13, DayFiles.SECOND_COPY)));
        assertEquals("6 10", topA(input), "report 13 counts once");
    }

    @Test
    void a_report_skipped_as_a_second_copy_counts_once_the_first_copy_is_gone() throws Exception {
        String id1 = TestFleet.Planted.id(1) + ".json";
        Files.delete(layout.day(W1.plusDays(7)).resolve(id1));
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(W1.plusDays(7), LATE_DAY), input.rawDays());
        assertTrue(input.json().contains(layout.day(LATE_DAY).resolve(id1)));
        assertFalse(input.skipped().stream().anyMatch(s -> s.reason().equals(DayFiles.SECOND_COPY)));
        assertEquals("6 10", topA(input), "report 1 still counts, from the later day");
    }
}
