package dev.crashwatch.watchdog.cli;

import static dev.crashwatch.watchdog.triage.TwoVersions.SHARED;
import static dev.crashwatch.watchdog.triage.TwoVersions.W1;
import static dev.crashwatch.watchdog.triage.TwoVersions.W2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crashwatch.watchdog.store.ReportIds;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.triage.TwoVersions;
import dev.crashwatch.watchdog.weekly.Exporter;
import dev.crashwatch.watchdog.weekly.Report;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** export and import between two real stores: round trip, idempotence, privacy, and bad reports refused whole. */
class ExportImportCommandsTest {
    static final String MARKUP = "crash/crash\n<img src=x onerror=alert(1)>\napp.X.y:+1";

    @TempDir
    Path tmp;

    Path tester() throws Exception {
        Path dir = tmp.resolve("tester");
        Store store = TwoVersions.write(dir);
        store.add(TwoVersions.key("2.4.0-rc1", W2), Map.of(MARKUP, 2L));
        return dir;
    }

    Path export(Path store, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("export"));
        line.addAll(List.of(args));
        CliInStore.Result r = new CliInStore(store).run(line.toArray(String[]::new));
        assertEquals(0, r.status(), r.toString());
        Path report = Files.createTempFile(tmp, "report", ".json");
        Files.writeString(report, r.out());
        return report;
    }

    @Test
    void export_then_import_carries_the_week_exactly_and_only_the_report_fields() throws Exception {
        Path report = export(tester());
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
        assertEquals(List.of("format", "id", "week", "entries"), fieldNames(json));
        assertEquals("2026-11-16", json.get("week").asText());
        assertEquals(List.of("program", "version", "javaVersion", "os", "arch", "counters"),
                fieldNames(json.get("entries").get(0)));

        Path engineer = tmp.resolve("engineer");
        CliInStore.Result r = new CliInStore(engineer).run("import", report.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(countsOfWeek(tmp.resolve("tester"), W2.toString()), countsOfWeek(engineer, W2.toString()));
        JsonNode counters = new CliInStore(engineer).run("counters", "--json").json();
        assertEquals(2, counters.get(1).get("counters").get(MARKUP).asLong(), "markup stays text");
        assertTrue(new CliInStore(engineer).run("status").out().contains(
                "most recent crash:  none recorded on this machine (imported counts never are)\n"));
    }

    @Test
    void importing_the_same_report_twice_counts_it_once() throws Exception {
        Path tester = tester();
        Path report = export(tester, "--week", "2026-11-18");
        CliInStore engineer = new CliInStore(tmp.resolve("engineer"));
        engineer.run("import", report.toString());
        CliInStore.Result again = engineer.run("import", report.toString());
        assertEquals(0, again.status());
        assertTrue(again.out().contains("0 entries added, 2 already imported"), again.out());
        assertEquals(4, countsOfWeek(tmp.resolve("engineer"), "2026-11-16").get("2.4.0-rc1").get(SHARED));
    }

    @Test
    void a_week_exported_again_counts_once_and_a_store_never_imports_its_own_reports() throws Exception {
        Path tester = tester();
        Path first = export(tester, "--week", "2026-11-18");
        Path second = export(tester, "--week", "2026-11-16");
        assertEquals(Files.readString(first), Files.readString(second), "one ID a week: the same report");
        assertTrue(new CliInStore(tester).run("dump").out().contains("exported-reports <== (the ID of each week's"
                + " exported report)\n2026-11-16 " + reportId(first) + "\n"));
        CliInStore.Result own = new CliInStore(tester).run("import", first.toString());
        assertEquals(0, own.status(), own.toString());
        assertTrue(own.out().contains("nothing added: report " + reportId(first) + " is this store's own"), own.out());
        assertEquals(4, countsOfWeek(tester, "2026-11-16").get("2.4.0-rc1").get(SHARED), "not doubled");
        assertEquals(reportId(first), Exporter.export(Store.at(tester), W2).id(), "the upload's report: the kept ID");
        // as the upload client of an earlier crashwatch made one, under an ID of its own
        Report made = new Report(ReportIds.newId(), W2, Exporter.export(Store.at(tester), W2).entries());
        Path uploaded = tester.resolve("reports/uploaded/" + made.id() + ".json");
        Files.createDirectories(uploaded.getParent());
        Files.writeString(uploaded, ReportJson.write(made));
        assertTrue(new CliInStore(tester).run("import", uploaded.toString()).out().contains("is this store's own"));

        CliInStore engineer = new CliInStore(tmp.resolve("engineer"));
        assertTrue(engineer.run("import", first.toString(), second.toString()).out()
                .contains(second + ": week of 2026-11-16, 0 entries added, 2 already imported"));
        assertEquals(4, countsOfWeek(tmp.resolve("engineer"), "2026-11-16").get("2.4.0-rc1").get(SHARED));

        Store.at(tester).add(TwoVersions.key("2.4.0-rc1", W2), Map.of(SHARED, 1L)); // the week grows after the export
        Path grown = export(tester, "--week", "2026-11-16");
        assertEquals(reportId(first), reportId(grown));
        CliInStore.Result r = engineer.run("import", grown.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("0 entries added, 1 already imported, 1 entry not added: an earlier copy of this"
                + " week's report (report " + reportId(first) + ": another export, or the upload's cut of it) is in"
                + " with other counts"), r.out());
        assertEquals(4, countsOfWeek(tmp.resolve("engineer"), "2026-11-16").get("2.4.0-rc1").get(SHARED));

        assertEquals(0, new CliInStore(tester).run("clean", "--yes").status());
        Store.at(tester).add(TwoVersions.key("2.4.0-rc1", W2), Map.of(SHARED, 1L));
        Path afterClean = export(tester, "--week", "2026-11-16");
        assertNotEquals(reportId(first), reportId(afterClean), "clean forgets the IDs with the counts");
        engineer.run("import", afterClean.toString());
        assertEquals(5, countsOfWeek(tmp.resolve("engineer"), "2026-11-16").get("2.4.0-rc1").get(SHARED),
                "counts recorded after a clean are new counts");
    }

    @Test
    void a_report_imported_by_an_earlier_crashwatch_counts_once_and_entries_of_one_key_are_summed() throws Exception {
        Path report = export(tester(), "--week", W2.toString());
        String id = reportId(report);
        Store engineer = Store.at(tmp.resolve("engineer"));
        // What an import recorded before records held a digest: the report's ID and the entry's index.
        engineer.addImported(TwoVersions.key("2.3.0", W2), Map.of(SHARED, 1L), id + "/0");
        CliInStore.Result r = new CliInStore(engineer.dir()).run("import", report.toString());
        assertTrue(r.out().contains("1 entry added, 1 already imported"), r.out());
        assertEquals(1, countsOfWeek(engineer.dir(), W2.toString()).get("2.3.0").get(SHARED));

        String entry = "{\"program\":\"a\",\"version\":\"1\",\"javaVersion\":\"17\",\"os\":\"linux\","
                + "\"arch\":\"amd64\",\"counters\":{\"crash/x\":2}}";
        Path twice = Files.writeString(tmp.resolve("twice.json"), "{\"format\":\"crashwatch-report/v1\",\"id\":"
                + "\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-16\",\"entries\":[" + entry + "," + entry + "]}");
        assertTrue(new CliInStore(engineer.dir()).run("import", twice.toString()).out().contains("1 entry added"));
        assertEquals(4, countsOfWeek(engineer.dir(), W2.toString()).get("1").get("crash/x"));
    }

    @Test
    void exporting_a_week_again_to_a_folder_keeps_its_file_or_refuses_to_overwrite_it() throws Exception {
        Path tester = tester();
        Path out = tmp.resolve("out");
        CliInStore.Result r = new CliInStore(tester).run("export", "--week", W2.toString(), "--out", out.toString());
        CliInStore.Result again = new CliInStore(tester).run("export", "--week", W2.toString(), "--out", out.toString());
        assertEquals(0, again.status(), again.toString());
        assertEquals(r.out(), again.out());
        assertTrue(again.err().contains("unchanged since"), again.err());
        String before = Files.readString(Path.of(r.out().strip()));
        Store.at(tester).add(TwoVersions.key("2.4.0-rc1", W2), Map.of(SHARED, 1L));
        CliInStore.Result grown = new CliInStore(tester).run("export", "--week", W2.toString(), "--out", out.toString());
        assertEquals(1, grown.status(), grown.toString());
        assertTrue(grown.err().contains("exists with other counts (the week has grown since): not overwritten"),
                grown.err());
        assertEquals(before, Files.readString(Path.of(r.out().strip())));
    }

    static String reportId(Path report) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile()).get("id").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ \"format\" : \"crashwatch-report/v1\", \"id\" : \"0123456789abcdef0123456789abcdef\", \"week\" : \"2026-11-16\", \"entr",
        "not json at all",
        "{\"a\": 1}",
        "[1, 2, 3]",
        "{\"format\":\"crashwatch-report/v2\",\"id\":\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-16\",\"entries\":[]}",
        "{\"format\":\"crashwatch-report/v1\",\"id\":\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-17\",\"entries\":[]}",
        "{\"format\":\"crashwatch-report/v1\",\"id\":\"x\",\"week\":\"2026-11-16\",\"entries\":[]}",
        "{\"format\":\"crashwatch-report/v1\",\"id\":\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-16\",\"host\":\"pc1\",\"entries\":[]}",
        "{\"format\":\"crashwatch-report/v1\",\"id\":\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-16\",\"entries\":"
            + "[{\"program\":\"a\",\"version\":\"1\",\"javaVersion\":\"17\",\"os\":\"linux\",\"arch\":\"amd64\",\"counters\":{\"crash/x\":-1}}]}",
        "{\"format\":\"crashwatch-report/v1\",\"id\":\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-16\",\"entries\":"
            + "[{\"program\":\"a\",\"version\":\"1\",\"javaVersion\":\"17\",\"os\":\"linux\",\"arch\":\"amd64\",\"counters\":"
            + "{\"crash/x\":1,\"crash/x\":1000}}]}",
        "{\"format\":\"crashwatch-report/v1\",\"id\":\"0123456789abcdef0123456789abcdef\",\"week\":\"2026-11-16\",\"entries\":[]}"
            + "{\"format\":\"crashwatch-report/v1\",\"id\":\"fedcba9876543210fedcba9876543210\",\"week\":\"2026-11-16\",\"entries\":[]}",
        "",
    })
    void a_corrupt_or_foreign_report_is_refused_in_one_line_and_the_store_is_untouched(String bad) throws Exception {
        Path engineer = tester();
        Path good = export(engineer);
        Map<Path, String> before = snapshot(engineer);
        Path badFile = Files.writeString(tmp.resolve("bad.json"), bad);
        CliInStore.Result r = new CliInStore(engineer).run("import", good.toString(), badFile.toString());
        assertEquals(1, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("crashwatch import: " + badFile + ": "), r.err());
        assertTrue(r.err().endsWith("; nothing imported\n"), r.err());
        assertEquals(before, snapshot(engineer));
    }

    @Test
    void a_counter_file_is_not_a_report_and_a_missing_file_is_one_line() throws Exception {
        Path engineer = tester();
        Path counterFile = Store.at(engineer).counterFiles().get(0).path();
        CliInStore.Result r = new CliInStore(engineer).run("import", counterFile.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("not a crashwatch report"), r.err());
        CliInStore.Result missing = new CliInStore(engineer).run("import", tmp.resolve("nope.json").toString());
        assertEquals(1, missing.status());
        assertEquals("crashwatch import: cannot read " + tmp.resolve("nope.json") + ": no such file or directory;"
                + " nothing imported\n", missing.err());
        CliInStore.Result folder = new CliInStore(engineer).run("import", tmp.toString());
        assertEquals("crashwatch import: " + tmp + ": a directory, not a report file; nothing imported\n", folder.err());
        Path aFile = Files.writeString(tmp.resolve("a-file"), "");
        CliInStore.Result notADir = new CliInStore(engineer).run("export", "--out", aFile.toString());
        assertEquals("crashwatch export: " + aFile + ": not a directory (--out names the folder for the reports)\n",
                notADir.err());
        assertEquals(2, new CliInStore(engineer).run("import").status());
    }

    @Test
    void export_since_a_day_writes_one_report_per_week_that_import_reads_back_whole() throws Exception {
        Path tester = tester();
        Path out = tmp.resolve("reports");
        CliInStore.Result r = new CliInStore(tester).run("export", "--since", W1.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.toString());
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().startsWith(W1 + "-"), files.toString());
        assertTrue(files.get(1).getFileName().toString().startsWith(W2 + "-"), files.toString());
        assertEquals(files.stream().map(Path::toString).toList(), r.out().lines().toList());

        Path engineer = tmp.resolve("engineer");
        List<String> line = new ArrayList<>(List.of("import"));
        files.forEach(f -> line.add(f.toString()));
        assertEquals(0, new CliInStore(engineer).run(line.toArray(String[]::new)).status());
        for (String week : List.of(W1.toString(), W2.toString())) {
            assertEquals(countsOfWeek(tester, week), countsOfWeek(engineer, week), week);
        }
    }

    @Test
    void several_weeks_to_stdout_are_refused_and_one_week_option_at_a_time() throws Exception {
        Path tester = tester();
        CliInStore.Result r = new CliInStore(tester).run("export", "--since", W1.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("give --out DIR"), r.err());
        assertEquals("", r.out());
        assertEquals(2, new CliInStore(tester).run("export", "--weeks", "2", "--week", W2.toString()).status());
        assertEquals(2, new CliInStore(tester).run("export", "--weeks", "0").status());
    }

    @Test
    void export_of_the_last_weeks_finds_nothing_in_old_weeks() throws Exception {
        Path tester = tester();
        CliInStore.Result r = new CliInStore(tester).run("export", "--weeks", "1", "--out", tmp.resolve("o").toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("nothing to export"), r.err());
    }

    @Test
    void export_of_an_empty_store_or_an_empty_week_says_there_is_nothing() throws Exception {
        CliInStore.Result r = new CliInStore(tmp.resolve("empty")).run("export");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("nothing to export"), r.err());
        Path tester = tester();
        CliInStore.Result week = new CliInStore(tester).run("export", "--week", "2026-11-05");
        assertEquals(1, week.status(), week.toString());
        assertEquals("", week.out());
        assertEquals("crashwatch export: no counters recorded in the week of 2026-11-02 in " + tester
                + ": nothing to export\n", week.err());
        assertTrue(Store.at(tester).exportedReportIds().isEmpty(), "no ID kept for a week not exported");
    }

    /** Counts of one week's files, by version. */
    static Map<String, Map<String, Long>> countsOfWeek(Path store, String week) throws Exception {
        Map<String, Map<String, Long>> byVersion = new TreeMap<>();
        for (CounterFile f : Store.at(store).counterFiles()) {
            if (f.key().weekStart().toString().equals(week)) {
                byVersion.put(f.key().version(), new TreeMap<>(f.counters()));
            }
        }
        return byVersion;
    }

    /** Every file under {@code dir} with its content. */
    static Map<Path, String> snapshot(Path dir) throws Exception {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
