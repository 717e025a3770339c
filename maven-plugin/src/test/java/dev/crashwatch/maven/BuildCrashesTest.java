package dev.crashwatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's crashes are what the store counted for the build's name and version after the marker was taken. */
class BuildCrashesTest {
    private static final String NPE = "crash/crash\njava.lang.NullPointerException\norg.example.A.a:+1";
    private static final String SEGV = "crash/fatal\nSIGSEGV\nlibfoo.so!bar";

    @TempDir
    Path dir;

    @Test
    void only_crash_counters_that_grew_since_the_start_of_this_name_and_version_are_reported() throws Exception {
        Store store = Store.at(dir.resolve("store"));
        CounterFileKey lastWeek = key("app", "1.0", LocalDate.of(2026, 11, 23));
        CounterFileKey thisWeek = key("app", "1.0", LocalDate.of(2026, 11, 30));
        store.add(lastWeek, Map.of(NPE, 5L));
        store.add(thisWeek, Map.of(NPE, 2L, SEGV, 1L));

        Path marker = dir.resolve("target/crashwatch/build-start.json");
        BuildStart.take(store, "app", "1.0").write(marker);
        BuildStart start = BuildStart.read(marker).orElseThrow();
        assertEquals(store.dir(), start.store());

        store.add(thisWeek, Map.of(NPE, 3L, "crashwatch/handler-replaced", 1L));
        store.add(key("app", "1.1", LocalDate.of(2026, 11, 30)), Map.of(SEGV, 1L));
        store.add(key("other", "1.0", LocalDate.of(2026, 11, 30)), Map.of(SEGV, 1L));

        List<CounterFile> crashes = BuildCrashes.since(start, store);
        assertEquals(1, crashes.size(), crashes.toString());
        assertEquals(thisWeek, crashes.get(0).key());
        assertEquals(Map.of(NPE, 3L), crashes.get(0).counters());
        assertEquals(3, BuildCrashes.total(crashes));
    }

    @Test
    void a_counter_file_new_since_the_start_counts_whole() throws Exception {
        Store store = Store.at(dir.resolve("store"));
        BuildStart start = BuildStart.take(store, "app", "1.0");
        store.add(key("app", "1.0", LocalDate.of(2026, 11, 30)), Map.of(SEGV, 2L));
        assertEquals(2, BuildCrashes.total(BuildCrashes.since(start, store)));
    }

    @Test
    void no_marker_means_prepare_agent_did_not_run() throws Exception {
        assertEquals(java.util.Optional.empty(), BuildStart.read(dir.resolve("target/crashwatch/build-start.json")));
    }

    private static CounterFileKey key(String program, String version, LocalDate week) {
        return new CounterFileKey(program, version, "17.0.15", "linux", "amd64", week);
    }
}
