package dev.crashwatch.fleet.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction's files: what a killed compaction leaves is ignored and replaced; the collector's files never move. */
class CompactorTest {
    @TempDir
    Path root;

    @Test
    void a_compaction_killed_before_its_parquet_was_renamed_leaves_no_generation() throws Exception {
        FleetLayout layout = TestFleet.write(root);
        Compactor.compact(layout);
        LocalDate day = TestFleet.W2.plusDays(7);
        Compaction killed = Compaction.of(layout, day, 2);
        Files.write(killed.manifest(), Manifest.of(day, List.of(), List.of(), List.of()).toBytes());
        Files.writeString(killed.parquet().resolveSibling("." + killed.parquet().getFileName() + ".tmp"), "PAR1 half");
        assertEquals(1, Compaction.newest(layout, day).orElseThrow().generation(), "a manifest alone is no generation");
        assertEquals(List.of(), FleetInput.scan(layout).rawDays(), "generation 1 still covers the day");

        TestFleet.write(root, TestFleet.late());
        List<Compactor.Result> results = Compactor.compact(layout);
        assertEquals(List.of(day), results.stream().map(Compactor.Result::day).toList());
        assertEquals(2, results.get(0).generation());
        assertEquals(3, results.get(0).reports());
        assertEquals(List.of("reports-000002.manifest.json", "reports-000002.parquet"),
            Files.list(layout.compacted(day)).map(p -> p.getFileName().toString()).sorted().toList(),
            "the half-written file of the killed run is gone, generation 2 replaced its manifest");
    }

    @Test
    void the_collectors_files_stay_where_they_are() throws Exception {
        FleetLayout layout = TestFleet.write(root);
        List<Path> before;
        try (var files = Files.walk(root)) {
            before = files.filter(Files::isRegularFile).sorted().toList();
        }
        Compactor.compact(layout);
        for (Path f : before) {
            assertTrue(Files.isRegularFile(f), f + " is still there");
        }
        try (var files = Files.walk(root)) {
            assertTrue(files.filter(Files::isRegularFile).filter(f -> !before.contains(f))
                .allMatch(f -> f.startsWith(layout.own())), "compaction writes only under _fleet/");
        }
    }
}
