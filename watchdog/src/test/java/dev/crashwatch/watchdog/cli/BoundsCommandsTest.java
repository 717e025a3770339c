package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.StoreTest;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts and inputs at and past their bounds (issue 15, items 9 and 10): counts saturate instead of overflowing, an
 * absurd count is refused at import, and input too big for the heap ends with one line, recording going on.
 */
class BoundsCommandsTest {
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\ncom.example.Main.main:+3";

    @TempDir
    Path dir;

    @Test
    void a_count_at_the_top_saturates_and_the_next_crash_is_still_recorded_and_top_prints_it() throws Exception {
        Store store = Store.at(dir);
        store.add(StoreTest.KEY, Map.of(NPE, Long.MAX_VALUE - 1));
        store.increment(StoreTest.KEY, NPE);
        store.increment(StoreTest.KEY, NPE);
        store.increment(StoreTest.KEY, "crash/malformed");
        CounterFile f = store.counterFiles().get(0);
        assertEquals(Long.MAX_VALUE, f.counters().get(NPE));
        assertEquals(1L, f.counters().get("crash/malformed"));
        CliInStore.Result top = new CliInStore(dir).run("top");
        assertEquals(0, top.status(), top.toString());
        assertTrue(top.out().contains(Long.toString(Long.MAX_VALUE)), top.toString());
        assertTrue(top.out().lines().noneMatch(l -> l.matches("#\\d+\\s+-.*")), "no negative count: " + top);
    }

    @Test
    void an_import_with_an_absurd_count_is_refused_in_one_line_and_changes_nothing() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, """
                {"format":"crashwatch-report/v1","id":"0123456789abcdef0123456789abcdef","week":"2026-11-23","entries":[
                 {"program":"app","version":"1","javaVersion":"17","os":"linux","arch":"amd64",
                  "counters":{"crash/crash\\njava.lang.Error":9223372036854775807}}]}
                """);
        CliInStore.Result r = new CliInStore(dir.resolve("store")).run("import", report.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("absurd count"), r.toString());
        assertEquals(List.of(), Store.at(dir.resolve("store")).counterFiles());
    }

    @Test
    void an_oversized_counter_file_is_set_aside_and_the_next_crash_is_recorded() throws Exception {
        Store store = Store.at(dir);
        store.increment(StoreTest.KEY, NPE);
        Path file = store.counterFiles().get(0).path();
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 33; i++) {
                out.write(spaces);
            }
        }
        store.increment(StoreTest.KEY, NPE);
        assertEquals(1L, store.counterFiles().get(0).counters().get(NPE));
        assertEquals(1, store.unreadableFiles().size());
        CliInStore.Result counters = new CliInStore(dir).run("counters");
        assertTrue(counters.err().contains("skipped 1 unreadable counter file"), counters.toString());
    }

    @Test
    void signature_of_fifty_megabytes_of_binary_ends_with_one_line() throws Exception {
        Path big = dir.resolve("big.bin");
        byte[] chunk = new byte[1 << 20];
        new java.util.Random(1).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        CliInStore.Result r = new CliInStore(dir).run("signature", big.toString());
        assertEquals(2, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("larger than 16 MiB"), r.toString());
    }
}
