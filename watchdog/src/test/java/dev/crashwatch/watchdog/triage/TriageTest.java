package dev.crashwatch.watchdog.triage;

import static dev.crashwatch.watchdog.triage.TwoVersions.ADDED;
import static dev.crashwatch.watchdog.triage.TwoVersions.REMOVED;
import static dev.crashwatch.watchdog.triage.TwoVersions.SHARED;
import static dev.crashwatch.watchdog.triage.TwoVersions.W1;
import static dev.crashwatch.watchdog.triage.TwoVersions.W2;
import static dev.crashwatch.watchdog.triage.TwoVersions.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


class TriageTest {
    @TempDir
    Path dir;

    Store twoVersions() throws Exception {
        return TwoVersions.write(dir);
    }

    @Test
    void compare_finds_new_gone_and_changed_in_raw_counts_without_runs() throws Exception {
        Comparison c = Triage.load(twoVersions()).compare(Optional.of("app"), "2.3.0", "2.4.0-rc1");
        assertFalse(c.perRun());
        assertEquals("raw counts (runs unknown)", c.basis());
        assertEquals(List.of(ADDED), c.newCrashes().stream().map(CrashChange::name).toList());
        assertEquals(List.of(REMOVED), c.gone().stream().map(CrashChange::name).toList());
        assertEquals(List.of(), c.changed());
        assertEquals(List.of(SHARED), c.unchanged().stream().map(CrashChange::name).toList());
        assertEquals(CrashKind.FATAL, c.newCrashes().get(0).kind());
    }

    @Test
    void compare_uses_rates_per_run_when_both_versions_counted_runs() throws Exception {
        Store store = twoVersions();
        store.add(key("2.3.0", W1), Map.of(Store.RUNS_COUNTER, 100L));
        store.add(key("2.4.0-rc1", W2), Map.of(Store.RUNS_COUNTER, 10L));
        Comparison c = Triage.load(store).compare(Optional.empty(), "2.3.0", "2.4.0-rc1");
        assertTrue(c.perRun());
        CrashChange shared = c.changed().get(0);
        assertEquals(SHARED, shared.name());
        assertEquals(40, shared.baseRate(), 1e-9, "crashes per 1,000 runs");
        assertEquals(400, shared.newRate(), 1e-9);
        assertEquals("crashes per 1,000 runs", c.basis());
        assertEquals(Optional.of(100L), c.baseRuns());
    }

    @Test
    void unknown_version_names_the_known_ones() throws Exception {
        Triage triage = Triage.load(twoVersions());
        NotInStoreException e = assertThrows(NotInStoreException.class,
                () -> triage.compare(Optional.empty(), "2.3.0", "9.9"));
        assertEquals("unknown version '9.9'; known versions: 2.3.0, 2.4.0-rc1", e.getMessage());
        assertThrows(NotInStoreException.class,
                () -> Triage.load(Store.at(dir.resolve("empty"))).compare(Optional.empty(), "1", "2"));
    }

    @Test
    void top_ranks_by_count_with_kind_weeks_versions_and_frames() throws Exception {
        List<RankedCrash> top = Triage.load(twoVersions()).top(CounterFilter.ALL);
        assertEquals(List.of(SHARED, REMOVED, ADDED), top.stream().map(RankedCrash::name).toList());
        RankedCrash first = top.get(0);
        assertEquals(8, first.count());
        assertEquals(StackIds.of(SHARED), first.stackId());
        assertEquals(CrashKind.UNCAUGHT, first.kind());
        assertEquals(W1, first.firstWeek());
        assertEquals(W2, first.lastWeek());
        assertEquals(List.of("2.3.0", "2.4.0-rc1"), first.versions());
        assertEquals(List.of("java.lang.IllegalStateException", "app.Main.main:+2"), first.frames());
    }

    @Test
    void top_names_every_program_that_shares_a_stack_and_every_java_version() throws Exception {
        Store store = twoVersions();
        store.add(new CounterFileKey("tool", "1.0", "25.0.1", "linux-debian-12", "amd64", W2), Map.of(SHARED, 2L));
        RankedCrash shared = Triage.load(store).top(CounterFilter.ALL).get(0);
        assertEquals(SHARED, shared.name());
        assertEquals(10, shared.count());
        assertTrue(shared.inSeveralPrograms());
        assertEquals(List.of(Map.entry("app", 8L), Map.entry("tool", 2L)), List.copyOf(shared.programs().entrySet()));
        assertEquals(List.of("17.0.15", "25.0.1"), shared.javaVersions());
        assertFalse(Triage.load(store).top(CounterFilter.ALL.withProgram("app")).get(0).inSeveralPrograms());

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        TextViews.ranked(new PrintStream(text, true, StandardCharsets.UTF_8), List.of(shared));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("in 2 programs, counted together: app 8, tool 2"),
                text.toString(StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("java 17.0.15, 25.0.1"));
    }

    @Test
    void a_crash_gone_only_because_the_new_version_never_ran_on_its_java_says_so() throws Exception {
        Store store = Store.at(dir);
        CounterFileKey onJava25 = new CounterFileKey("app", "1.27.0", "25.0.1", "linux-debian-12", "amd64", W1);
        store.add(onJava25, Map.of(ADDED, 3L));
        store.add(key("1.27.0", W1), Map.of(REMOVED, 1L));
        store.add(key("1.28.0", W2), Map.of(SHARED, 1L));
        Comparison c = Triage.load(store).compare(Optional.empty(), "1.27.0", "1.28.0");
        assertEquals(List.of("17.0.15", "25.0.1"), c.baseJavaVersions());
        assertEquals(List.of("17.0.15"), c.newJavaVersions());
        CrashChange onlyOn25 = c.gone().stream().filter(g -> g.name().equals(ADDED)).findFirst().orElseThrow();
        assertTrue(onlyOn25.javaGap());
        assertEquals(List.of("25.0.1"), onlyOn25.javaVersions());
        CrashChange reallyGone = c.gone().stream().filter(g -> g.name().equals(REMOVED)).findFirst().orElseThrow();
        assertFalse(reallyGone.javaGap(), "1.28.0 ran on java 17.0.15 and did not crash so");
        assertTrue(c.newCrashes().stream().noneMatch(CrashChange::javaGap));

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        TextViews.comparison(new PrintStream(text, true, StandardCharsets.UTF_8), c);
        assertTrue(text.toString(StandardCharsets.UTF_8)
                .contains("(only seen on java 25.0.1, which 1.28.0 never ran on)"), text.toString(StandardCharsets.UTF_8));
    }

    @Test
    void top_filters_by_version_and_since_and_ignores_runs() throws Exception {
        Store store = twoVersions();
        store.add(key("2.3.0", W2), Map.of(Store.RUNS_COUNTER, 50L));
        Triage triage = Triage.load(store);
        assertEquals(List.of(4L, 1L), triage.top(CounterFilter.ALL.withVersion("2.4.0-rc1")).stream()
                .map(RankedCrash::count).toList());
        assertEquals(List.of(5L, 1L), triage.top(CounterFilter.ALL.withSince(W2.plusDays(3))).stream()
                .map(RankedCrash::count).toList());
    }

    @Test
    void weekly_totals_per_program_and_version() throws Exception {
        assertEquals(List.of(new WeekTotal("app", "2.3.0", W1, 5), new WeekTotal("app", "2.3.0", W2, 1),
                        new WeekTotal("app", "2.4.0-rc1", W2, 5)),
                Triage.load(twoVersions()).weeklyTotals(CounterFilter.ALL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "crash/crash\\njava.lang.NullPointerException\\na.B.c:+1 | UNCAUGHT",
        "crash/crash\\njava.lang.OutOfMemoryError\\na.B.c:+1  | OOM",
        "crash/fatal\\nSIGSEGV\\nlibjvm.so+0x1                | FATAL",
        "crash/fatal\\nOutOfMemoryError: Java heap space\\na.B.c:+1 | OOM",
        "crash/fatal\\nOut of Memory Error\\nlibjvm.so+0x1     | OOM",
        "crash/oom-exit                                       | OOM",
        "crash/signal/SIGKILL                                 | SIGNAL",
        "crash/malformed                                      | MALFORMED",
        "crash/something-new                                  | OTHER",
    })
    void kind_comes_from_prefix_and_exception_type(String name, CrashKind kind) {
        assertEquals(kind, CrashKind.of(name.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @CsvSource({"2.9, 2.10", "2.4.0-rc1, 2.4.0", "2.4.0-rc1, 2.4.0-rc2", "1.0, 1.0.1", "1.0.0-alpha, 1.0.0-beta"})
    void versions_sort_as_people_expect(String older, String newer) {
        assertTrue(VersionOrder.INSTANCE.compare(older, newer) < 0, older + " < " + newer);
        assertTrue(VersionOrder.INSTANCE.compare(newer, older) > 0, newer + " > " + older);
    }
}
