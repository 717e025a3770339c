package dev.crashwatch.watchdog.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.RunsJournal;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs journal: one append per run, folded into crashwatch/runs exactly once, whatever is killed when. */
class RunsFolderTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    static Hello hello(String program, String version) {
        return Hello.parse(("program=" + program + "\nversion=" + version + "\njavaVersion=17.0.15\nmain=a.Main\n"
                + "cwd=/home/me/with\ttab\n").getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Long> runs(Store store) throws IOException {
        Map<String, Long> runs = new TreeMap<>();
        for (CounterFile f : store.counterFiles()) {
            runs.merge(f.key().program() + "@" + f.key().version() + " " + f.key().weekStart(),
                    f.counters().getOrDefault(Store.RUNS_COUNTER, 0L), Long::sum);
        }
        return runs;
    }

    @Test
    void each_run_is_one_line_folded_under_its_programs_counter_file_and_week() throws Exception {
        Store store = Store.at(dir);
        RunsFolder.journal(store, hello("app", "1.0"), Labels.NONE, MONDAY);
        RunsFolder.journal(store, hello("app", "1.0"), Labels.NONE, MONDAY.plusSeconds(86400 * 7));
        RunsFolder.journal(store, hello("app", "1.0"), new Labels("billing", null), MONDAY);
        assertEquals(3, Files.readAllLines(dir.resolve(RunsJournal.FILE)).size(), "one line a run, tabs escaped");

        assertEquals(3, RunsFolder.fold(store));
        assertEquals(Map.of("app@1.0 2026-11-23", 1L, "app@1.0 2026-11-30", 1L, "billing@1.0 2026-11-23", 1L),
                runs(store));
        assertTrue(Files.notExists(dir.resolve(RunsJournal.FILE)));
        assertEquals(0, RunsFolder.fold(store), "nothing left to fold");
        assertEquals(Map.of("app@1.0 2026-11-23", 1L, "app@1.0 2026-11-30", 1L, "billing@1.0 2026-11-23", 1L),
                runs(store));
    }

    @Test
    void a_claimed_journal_left_by_a_killed_folder_after_its_counts_went_in_counts_once() throws Exception {
        Store store = Store.at(dir);
        for (int i = 0; i < 5; i++) {
            RunsFolder.journal(store, hello("app", "2.0"), Labels.NONE, MONDAY);
        }
        // A folder claims and adds the counts, then is killed before it deletes the claimed file.
        List<RunsJournal.Claimed> claimed = RunsJournal.claim(store);
        assertEquals(1, claimed.size());
        store.addImported(CounterKeys.of(hello("app", "2.0"), Labels.NONE, store.hostFacts(),
                java.time.LocalDate.of(2026, 11, 23)), Map.of(Store.RUNS_COUNTER, 5L), claimed.get(0).foldId());
        RunsFolder.journal(store, hello("app", "2.0"), Labels.NONE, MONDAY);

        assertEquals(1, RunsFolder.fold(store), "only the run journaled after the claim is new");
        assertEquals(Map.of("app@2.0 2026-11-23", 6L), runs(store));
    }

    @Test
    void torn_or_foreign_lines_are_skipped_and_a_linked_journal_is_not_followed() throws Exception {
        Store store = Store.at(dir);
        RunsFolder.journal(store, hello("app", "1.0"), Labels.NONE, MONDAY);
        Files.writeString(dir.resolve(RunsJournal.FILE), "garbage line\n1764\tprogram=ap", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, RunsFolder.fold(store), "the good line; not the foreign one, nor the cut one");

        Path victim = Files.writeString(dir.resolve("victim.txt"), "mine");
        Files.createSymbolicLink(dir.resolve(RunsJournal.FILE), victim);
        assertThrows(IOException.class, () -> RunsFolder.journal(store, hello("app", "1.0"), Labels.NONE, MONDAY));
        assertEquals("mine", Files.readString(victim));
    }

    @Test
    void mode_off_journals_and_folds_nothing() throws Exception {
        Store store = Store.at(dir);
        store.setMode(Mode.OFF);
        RunsFolder.journal(store, hello("app", "1.0"), Labels.NONE, MONDAY);
        assertTrue(Files.notExists(dir.resolve(RunsJournal.FILE)));
        assertEquals(0, RunsFolder.fold(store));
    }
}
