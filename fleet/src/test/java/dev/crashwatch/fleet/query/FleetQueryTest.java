package dev.crashwatch.fleet.query;

import static dev.crashwatch.fleet.query.TestFleet.A_ID;
import static dev.crashwatch.fleet.query.TestFleet.N_ID;
import static dev.crashwatch.fleet.query.TestFleet.O_ID;
import static dev.crashwatch.fleet.query.TestFleet.R;
import static dev.crashwatch.fleet.query.TestFleet.R_ID;
import static dev.crashwatch.fleet.query.TestFleet.T_ID;
import static dev.crashwatch.fleet.query.TestFleet.W1;
import static dev.crashwatch.fleet.query.TestFleet.W2;
import static dev.crashwatch.fleet.query.TestFleet.W3;
import static dev.crashwatch.fleet.query.TestFleet.W4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every query's exact answer on {@link TestFleet} (with corrupt and foreign files among the reports), read raw
 * and read compacted: the same answer either way.
 */
class FleetQueryTest {
    @TempDir
    Path root;

    enum Stage { RAW, COMPACTED }

    private FleetLayout fleet(Stage stage) throws Exception {
        FleetLayout layout = TestFleet.write(root);
        BadFiles.plant(root);
        if (stage == Stage.COMPACTED) {
            Compactor.compact(layout);
        }
        return layout;
    }

    static <T> List<String> lines(List<T> rows, java.util.function.Function<T, String> line) {
        return rows.stream().map(line).collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void top_ranks_by_machines_then_count_with_first_week_and_version(Stage stage) throws Exception {
        FleetLayout layout = fleet(stage);
        FleetInput input = FleetInput.scan(layout);
        assertEquals(stage == Stage.COMPACTED ? List.of() : input.rawDays(), input.rawDays());
        try (FleetDb db = FleetDb.open(input)) {
            assertEquals(List.of(
                A_ID + " uncaught 6 10 " + W1 + " 2.3.0 " + W4,
                N_ID + " uncaught 4 7 " + W3 + " 2.4.0-rc2 " + W4,
                R_ID + " uncaught 3 6 " + W1 + " 2.3.0 " + W4,
                O_ID + " uncaught 3 4 " + W1 + " 2.3.0 " + W3,
                T_ID + " fatal 1 1 " + W4 + " 1.0 " + W4),
                lines(TopCrashes.rank(db, TopCrashes.Filter.ALL), FleetQueryTest::top));
            assertEquals(List.of(N_ID + " uncaught 3 6 " + W3 + " 2.4.0-rc2 " + W4, A_ID + " uncaught 1 1 " + W1 + " 2.3.0 " + W3),
                lines(TopCrashes.rank(db, new TopCrashes.Filter(Optional.of("app"), Optional.of("2.4.0-rc2"),
                    Optional.empty())), FleetQueryTest::top), "first week and version over every version of the program");
            assertEquals(List.of(
                N_ID + " uncaught 4 7 " + W3 + " 2.4.0-rc2 " + W4,
                R_ID + " uncaught 2 5 " + W1 + " 2.3.0 " + W4,
                A_ID + " uncaught 2 3 " + W1 + " 2.3.0 " + W4,
                O_ID + " uncaught 1 1 " + W1 + " 2.3.0 " + W3),
                lines(TopCrashes.rank(db, new TopCrashes.Filter(Optional.of("app"), Optional.empty(), Optional.of(2))),
                    FleetQueryTest::top), "the last 2 weeks with reports: W3 and W4");
        }
    }

    private static String top(FleetCrash c) {
        return c.stackId() + " " + c.kind().word() + " " + c.machines() + " " + c.count() + " " + c.firstWeek() + " "
            + c.firstVersion() + " " + c.lastWeek();
    }

    private static String cell(VersionCrash c) {
        return c.program() + " " + c.version() + " " + c.stackId() + " " + c.machines() + "/" + c.reporting() + " "
            + c.count() + " " + c.firstWeek();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void new_in_a_version_means_in_no_earlier_version_prereleases_first(Stage stage) throws Exception {
        try (FleetDb db = FleetDb.open(FleetInput.scan(fleet(stage)))) {
            VersionTable table = VersionTable.load(db, Optional.empty());
            assertEquals(List.of("app 2.4.0-rc2 " + N_ID + " 3/3 6 " + W3), lines(NewCrashes.in(table, "2.4.0-rc2"), FleetQueryTest::cell));
            assertEquals(List.of(), NewCrashes.in(table, "2.4.0"), "everything in 2.4.0 was in an rc or older");
            assertEquals(List.of(), NewCrashes.in(table, "2.4.0-rc1"));
            assertEquals(List.of("app 2.3.0 " + O_ID + " 3/5 4 " + W1, "app 2.3.0 " + R_ID + " 2/5 5 " + W1,
                "app 2.3.0 " + A_ID + " 2/5 3 " + W1), lines(NewCrashes.in(table, "2.3.0"), FleetQueryTest::cell));
            assertEquals(List.of("tool 1.0 " + T_ID + " 1/1 1 " + W4), lines(NewCrashes.in(table, "1.0"), FleetQueryTest::cell));
            for (String v : List.of("2.4.0-rc2", "2.4.0", "2.4.0-rc1", "2.3.0", "2.3.1", "1.0")) {
                assertEquals(NewCrashes.in(table, v), NewCrashes.in(db, VersionTable.loadVersion(db, Optional.empty(), v), v,
                    Optional.empty()), "the command's way, one version's table, gives the whole table's answer for " + v);
            }
            assertEquals(List.of(), NewCrashes.in(db, VersionTable.loadVersion(db, Optional.of("tool"), "2.4.0-rc2"),
                "2.4.0-rc2", Optional.of("tool")));
        }
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void regressions_count_only_versions_at_or_after_the_fix(Stage stage) throws Exception {
        FleetLayout layout = fleet(stage);
        FixedCrashes.mark(layout, new FixedCrash(R_ID, "2.3.1", Optional.empty()));
        FixedCrashes.mark(layout, new FixedCrash(O_ID, "2.3.1", Optional.of("app")));
        FixedCrashes.mark(layout, new FixedCrash(N_ID, "2.4.1", Optional.empty()));
        try (FleetDb db = FleetDb.open(FleetInput.scan(layout))) {
            List<Regression> found = Regressions.find(VersionTable.load(db, Optional.empty()), FixedCrashes.read(layout));
            assertEquals(1, found.size(), "R is back in 2.4.0; O only on old 2.3.0 clients; N not seen in 2.4.1");
            Regression r = found.get(0);
            assertEquals(R, r.name());
            assertEquals("2.3.1", r.mark().fixedIn());
            assertEquals(W4, r.firstWeekSince());
            assertEquals(1, r.countSince());
            assertEquals(List.of("app 2.4.0 " + R_ID + " 1/3 1 " + W4), lines(r.since(), FleetQueryTest::cell));
            assertEquals(List.of("app 2.3.0 " + R_ID + " 2/5 5 " + W1), lines(r.olderStill(), FleetQueryTest::cell));
        }
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void trend_counts_machines_reporting_crashing_and_crashes_per_week_and_version(Stage stage) throws Exception {
        try (FleetDb db = FleetDb.open(FleetInput.scan(fleet(stage)))) {
            assertEquals(List.of(
                W1 + " app 2.3.0 3 2 5",
                W2 + " app 2.3.0 1 1 2", W2 + " app 2.3.1 2 1 1", W2 + " app 2.4.0-rc1 1 1 3",
                W3 + " app 2.3.0 1 1 5", W3 + " app 2.4.0-rc1 1 0 0", W3 + " app 2.4.0-rc2 2 2 4",
                W4 + " app 2.4.0-rc2 1 1 3", W4 + " app 2.4.0 3 2 4", W4 + " tool 1.0 1 1 1"),
                lines(Trend.weekly(db, Optional.empty()), FleetQueryTest::trend));
            assertEquals(List.of(W4 + " tool 1.0 1 1 1"), lines(Trend.weekly(db, Optional.of("tool")), FleetQueryTest::trend));
        }
    }

    private static String trend(TrendRow t) {
        return t.week() + " " + t.program() + " " + t.version() + " " + t.machines() + " " + t.crashingMachines() + " "
            + t.crashes();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void compare_normalises_by_the_machines_reporting_each_version(Stage stage) throws Exception {
        try (FleetDb db = FleetDb.open(FleetInput.scan(fleet(stage)))) {
            VersionComparison c = VersionCompare.compare(VersionTable.load(db, Optional.empty()), "app", "2.4.0-rc1", "2.4.0-rc2");
            assertEquals(2, c.baseMachines());
            assertEquals(3, c.newMachines());
            assertEquals(List.of(N_ID + " 0 0 0.0 3 6 2.0"), lines(c.newCrashes(), FleetQueryTest::delta));
            assertEquals(List.of(A_ID + " 1 3 1.5 1 1 " + (1.0 / 3)), lines(c.fewer(), FleetQueryTest::delta));
            assertEquals(List.of(), c.gone());
            assertEquals(List.of(), c.more());
            assertEquals(List.of(), c.same());
            VersionComparison back = VersionCompare.compare(VersionTable.load(db, Optional.empty()), "app", "2.3.1", "2.4.0");
            assertEquals(List.of(R_ID + " 0 0 0.0 1 1 " + (1.0 / 3), N_ID + " 0 0 0.0 1 1 " + (1.0 / 3)),
                lines(back.newCrashes(), FleetQueryTest::delta).stream().sorted((a, b) -> -a.compareTo(b)).toList());
            assertEquals(List.of(A_ID + " 1 1 0.5 1 2 " + (2.0 / 3)), lines(back.more(), FleetQueryTest::delta));
        }
    }

    private static String delta(CrashDelta d) {
        return d.stackId() + " " + d.baseMachines() + " " + d.baseCount() + " " + d.baseRate() + " " + d.newMachines()
            + " " + d.newCount() + " " + d.newRate();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void show_tells_where_a_crash_was_seen(Stage stage) throws Exception {
        try (FleetDb db = FleetDb.open(FleetInput.scan(fleet(stage)))) {
            List<StackDetail> details = StackDetails.of(db, R_ID);
            assertEquals(1, details.size());
            StackDetail d = details.get(0);
            assertEquals(R, d.name());
            assertEquals(List.of("java.lang.ArrayIndexOutOfBoundsException", "app.Parser.next:+12", "app.Main.main:+3"), d.frames());
            assertEquals(3, d.machines());
            assertEquals(6, d.count());
            assertEquals(W1, d.firstWeek());
            assertEquals(W4, d.lastWeek());
            assertEquals(List.of("app 2.3.0 2 5", "app 2.4.0 1 1"), lines(d.versions(), FleetQueryTest::seen));
            assertEquals(List.of("app 2.3.1 2 0", "app 2.4.0-rc1 2 0", "app 2.4.0-rc2 3 0"),
                lines(d.versionsWithout(), FleetQueryTest::seen), "is it fixed in V: the versions since 2.3.0 without it");
            assertEquals(List.of(W1 + " 1 1", W3 + " 1 4", W4 + " 1 1"), lines(d.weeks(), FleetQueryTest::seen));
            assertEquals(List.of("17.0.15 2 2", "21.0.2 1 4"), lines(d.javaVersions(), FleetQueryTest::seen));
            assertEquals(List.of("linux-debian-12/amd64 2 5", "macos-14/aarch64 1 1"), lines(d.systems(), FleetQueryTest::seen));
            assertEquals(List.of(), StackDetails.of(db, "AAAAAA"));
        }
    }

    private static String seen(Seen s) {
        return s.value() + " " + s.machines() + " " + s.count();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void corrupt_and_foreign_files_are_skipped_with_a_reason_each(Stage stage) throws Exception {
        FleetInput input = FleetInput.scan(fleet(stage));
        assertEquals(BadFiles.EXPECTED, input.skipped().stream().map(s -> s.file() + ": " + s.reason()).sorted().toList());
        assertTrue(input.skippedNote().orElseThrow().startsWith("skipped " + BadFiles.EXPECTED.size() + " files"));
        assertEquals(15, input.json().size() + (stage == Stage.RAW ? 0 : 15), "every planted report counts once");
    }

    @Test
    void a_late_report_makes_its_compacted_day_raw_until_compacted_again_and_is_never_dropped() throws Exception {
        FleetLayout layout = fleet(Stage.COMPACTED);
        Path late = TestFleet.write(root, TestFleet.late());
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(W2.plusDays(7)), input.rawDays());
        assertEquals(List.of(layout.day(W2.plusDays(7)).resolve(TestFleet.Planted.id(4) + ".json"),
            layout.day(W2.plusDays(7)).resolve(TestFleet.Planted.id(5) + ".json"), late), input.json(),
            "the whole day is read raw, the other days from their Parquet files");
        String afterLate;
        try (FleetDb db = FleetDb.open(input)) {
            afterLate = lines(TopCrashes.rank(db, TopCrashes.Filter.ALL), FleetQueryTest::top).get(0);
            assertEquals(A_ID + " uncaught 7 11 " + W1 + " 2.3.0 " + W4, afterLate);
        }
        List<Compactor.Result> again = Compactor.compact(layout);
        assertEquals(1, again.size());
        assertEquals(W2.plusDays(7), again.get(0).day());
        assertEquals(2, again.get(0).generation());
        assertTrue(again.get(0).again());
        assertEquals(List.of("reports-000002.manifest.json", "reports-000002.parquet"),
            Files.list(layout.compacted(W2.plusDays(7))).map(p -> p.getFileName().toString()).sorted().toList(),
            "the older generation is removed once the new one is in place");
        FleetInput compacted = FleetInput.scan(layout);
        assertEquals(List.of(), compacted.rawDays());
        try (FleetDb db = FleetDb.open(compacted)) {
            assertEquals(afterLate, lines(TopCrashes.rank(db, TopCrashes.Filter.ALL), FleetQueryTest::top).get(0));
        }
        assertEquals(List.of(), Compactor.compact(layout), "nothing left to do");
    }
}
