package dev.crashwatch.watchdog.store.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.StoreTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derived cache never shows anything but what the counter files hold. */
class CounterFileCacheTest {
    @TempDir
    Path dir;

    Path oneFile(Store store, long count, Instant modified) throws Exception {
        store.add(StoreTest.KEY, Map.of(StoreTest.NPE, count));
        Path file = store.counterFiles().get(0).path();
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void an_old_unchanged_file_is_served_from_the_cache_and_a_changed_one_is_read_again() throws Exception {
        Store store = Store.at(dir);
        Path file = oneFile(store, 3, Instant.now().minusSeconds(3600));
        assertEquals(Map.of(StoreTest.NPE, 3L), store.counterFiles().get(0).counters());
        Path cache = dir.resolve("cache/counters.v1.bin");
        assertTrue(Files.size(cache) > 0);

        store.add(StoreTest.KEY, Map.of(StoreTest.NPE, 4L));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(1800)));
        assertEquals(Map.of(StoreTest.NPE, 7L), store.counterFiles().get(0).counters());
        assertEquals(Map.of(StoreTest.NPE, 7L), store.counterFiles().get(0).counters(), "served from the cache");
    }

    @Test
    void a_file_rewritten_within_the_clock_granularity_is_never_trusted_to_the_cache() throws Exception {
        Store store = Store.at(dir);
        Instant now = Instant.now();
        Path file = oneFile(store, 3, now);
        store.counterFiles();
        String same = Files.readString(file).replace("\"count\" : 3", "\"count\" : 5");
        Files.writeString(file, same);
        Files.setLastModifiedTime(file, FileTime.from(now));
        assertEquals(Map.of(StoreTest.NPE, 5L), store.counterFiles().get(0).counters());
    }

    @Test
    void a_damaged_cache_is_ignored_and_deleted_files_drop_out() throws Exception {
        Store store = Store.at(dir);
        Path file = oneFile(store, 2, Instant.now().minusSeconds(3600));
        store.counterFiles();
        Path cache = dir.resolve("cache/counters.v1.bin");
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(Map.of(StoreTest.NPE, 2L), store.counterFiles().get(0).counters());
        Files.delete(file);
        assertEquals(List.of(), store.counterFiles());
    }

    @Test
    void clean_deletes_the_cache_with_the_counters() throws Exception {
        Store store = Store.at(dir);
        oneFile(store, 1, Instant.now().minusSeconds(3600));
        store.counterFiles();
        store.clean();
        assertTrue(!Files.exists(dir.resolve("cache/counters.v1.bin")));
    }
}
