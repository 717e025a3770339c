package dev.crashwatch.watchdog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.counters.RecentCrash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class StoreTest {
    public static final CounterFileKey KEY =
            new CounterFileKey("app", "2.4.0-rc1", "17.0.15", "linux-debian-12", "amd64", LocalDate.of(2026, 11, 23));
    public static final String NPE = "crash/crash\njava.lang.NullPointerException\ncom.example.Main.main:+3";

    @TempDir
    Path dir;

    @Test
    void increment_counts_in_one_weekly_file_named_like_go() throws Exception {
        Store store = Store.at(dir);
        store.increment(KEY, NPE);
        store.increment(KEY, NPE);
        store.increment(KEY, "crash/malformed");

        List<CounterFile> files = store.counterFiles();
        assertEquals(1, files.size());
        assertEquals(KEY, files.get(0).key());
        assertEquals(Map.of(NPE, 2L, "crash/malformed", 1L), files.get(0).counters());
        assertEquals("app@2.4.0-rc1-17.0.15-linux-debian-12-amd64-2026-11-23.v1.json",
                files.get(0).path().getFileName().toString());
    }

    @Test
    void counter_file_is_pretty_json_with_one_frame_per_line() throws Exception {
        Store store = Store.at(dir);
        store.increment(KEY, NPE);
        String text = Files.readString(store.counterFiles().get(0).path());
        assertTrue(text.contains("\"format\" : \"crashwatch-counters/v1\""), text);
        assertTrue(text.contains("\n        \"java.lang.NullPointerException\",\n"), text);
        assertTrue(text.contains("\"weekStart\" : \"2026-11-23\""), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                store.counterFiles().get(0).path())));
    }

    @Test
    void different_keys_never_share_a_file_even_when_their_names_sanitize_alike() throws Exception {
        Store store = Store.at(dir);
        CounterFileKey slash = new CounterFileKey("a/b", "1", "17", "linux", "amd64", KEY.weekStart());
        CounterFileKey colon = new CounterFileKey("a:b", "1", "17", "linux", "amd64", KEY.weekStart());
        store.increment(slash, "crash/malformed");
        store.increment(colon, "crash/malformed");
        store.increment(colon, "crash/malformed");
        Map<CounterFileKey, Map<String, Long>> byKey = new java.util.HashMap<>();
        store.counterFiles().forEach(f -> byKey.put(f.key(), f.counters()));
        assertEquals(Map.of(slash, Map.of("crash/malformed", 1L), colon, Map.of("crash/malformed", 2L)), byKey);
    }

    @Test
    void mode_off_records_nothing() throws Exception {
        Store store = Store.at(dir);
        store.setMode(Mode.OFF);
        store.increment(KEY, NPE);
        assertEquals(List.of(), store.counterFiles());
    }

    @Test
    void mode_defaults_to_local_and_the_file_holds_word_and_day() throws Exception {
        Store store = Store.at(dir, name -> null);
        assertEquals(new ModeSetting(Mode.LOCAL, "default", java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()),
                store.modeSetting());
        store.setMode(Mode.ON);
        assertEquals(Mode.ON, store.mode());
        assertTrue(Files.readString(dir.resolve("mode")).matches("on \\d{4}-\\d\\d-\\d\\d\n"));
    }

    @Test
    void env_overrides_the_file_and_invalid_values_mean_local_with_a_problem() throws Exception {
        Store.at(dir).setMode(Mode.ON);
        assertEquals(Mode.OFF, Store.at(dir, name -> name.equals("CRASHWATCH_MODE") ? "off" : null).mode());
        ModeSetting bad = Store.at(dir, name -> name.equals("CRASHWATCH_MODE") ? "sometimes" : null).modeSetting();
        assertEquals(Mode.LOCAL, bad.mode());
        assertTrue(bad.problem().orElseThrow().contains("sometimes"), bad.toString());

        Files.writeString(dir.resolve("mode"), "loud 2026-01-01\n");
        ModeSetting badFile = Store.at(dir, name -> null).modeSetting();
        assertEquals(Mode.LOCAL, badFile.mode());
        assertTrue(badFile.problem().isPresent());
    }

    @Test
    void malformed_inputs_are_kept_whole_private_and_never_overwritten() throws Exception {
        Store store = Store.at(dir);
        byte[] raw = {0, (byte) 0xff, 'x', '\r', '\n'};
        Path first = store.saveMalformed(raw);
        Path second = store.saveMalformed(raw);
        assertFalse(first.equals(second));
        assertTrue(first.startsWith(dir.resolve("malformed")));
        assertEquals(List.of(raw.length, raw.length), List.of(Files.readAllBytes(first).length,
                Files.readAllBytes(second).length));
        assertTrue(java.util.Arrays.equals(raw, Files.readAllBytes(first)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
        assertEquals(2, store.malformedFiles().size());
    }

    @Test
    void run_dirs_are_private_and_unique_and_logs_live_under_log() throws Exception {
        Store store = Store.at(dir);
        Path run = store.newRunDir();
        assertTrue(run.startsWith(dir.resolve("run")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run)));
        assertFalse(run.equals(store.newRunDir()));
        assertEquals(dir.resolve("log").resolve("watchdog.log"), store.logFile("watchdog.log"));
        assertTrue(Files.isDirectory(dir.resolve("log")));
    }

    @Test
    void an_unreadable_counter_file_is_set_aside_not_overwritten() throws Exception {
        Store store = Store.at(dir);
        store.increment(KEY, NPE);
        Path file = store.counterFiles().get(0).path();
        Files.writeString(file, "{ torn");
        assertEquals(List.of(), store.counterFiles());
        assertEquals(List.of(file), store.unreadableFiles());

        store.increment(KEY, NPE);
        assertEquals(Map.of(NPE, 1L), store.counterFiles().get(0).counters());
        assertEquals(1, store.unreadableFiles().size());
        assertEquals("{ torn", Files.readString(store.unreadableFiles().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void the_most_recent_crash_is_the_last_local_add_not_an_import() throws Exception {
        Store store = Store.at(dir);
        assertEquals(java.util.Optional.empty(), store.mostRecentCrash());
        CounterFileKey other = new CounterFileKey("other", "1", "17", "linux", "amd64", KEY.weekStart());
        store.increment(KEY, NPE);
        store.addImported(other, Map.of("crash/oom-exit", 1L), "r/0");
        RecentCrash recent = store.mostRecentCrash().orElseThrow();
        assertEquals(KEY, recent.key());
        assertEquals(NPE, recent.last().name());
    }

    @Test
    void an_imported_entry_counts_once() throws Exception {
        Store store = Store.at(dir);
        assertTrue(store.addImported(KEY, Map.of(NPE, 5L), "report-1/0"));
        assertFalse(store.addImported(KEY, Map.of(NPE, 5L), "report-1/0"));
        assertTrue(store.addImported(KEY, Map.of(NPE, 2L), "report-2/0"));
        assertEquals(Map.of(NPE, 7L), store.counterFiles().get(0).counters());
    }

    @Test
    void clean_removes_counters_and_malformed_but_keeps_the_mode() throws Exception {
        Store store = Store.at(dir);
        store.setMode(Mode.ON);
        store.increment(KEY, NPE);
        store.saveMalformed(new byte[] {1});
        assertEquals(2, store.clean());
        assertEquals(List.of(), store.counterFiles());
        assertEquals(List.of(), store.malformedFiles());
        assertEquals(Mode.ON, store.mode());
    }

    @Test
    void temp_files_are_not_counter_files() throws Exception {
        Store store = Store.at(dir);
        store.increment(KEY, NPE);
        Files.writeString(store.counterDir().resolve(".x.v1.json.tmp"), "{");
        Files.writeString(store.counterDir().resolve(".x.v1.json"), "{");
        assertEquals(1, store.counterFiles().size());
        assertEquals(List.of(), store.unreadableFiles());
    }

    @Test
    void threads_of_one_jvm_all_count() throws Exception {
        Store store = Store.at(dir);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        store.increment(KEY, NPE);
                    } catch (Exception e) {
                        failure.set(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        assertEquals(Map.of(NPE, 100L), store.counterFiles().get(0).counters());
    }
}
