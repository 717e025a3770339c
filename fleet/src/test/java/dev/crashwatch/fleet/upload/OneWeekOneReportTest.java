package dev.crashwatch.fleet.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.fleet.cli.FleetMain;
import dev.crashwatch.fleet.collector.CollectorServer;
import dev.crashwatch.fleet.collector.CollectorSettings;
import dev.crashwatch.fleet.config.UploadConfigJson;
import dev.crashwatch.fleet.storage.FolderStore;
import dev.crashwatch.fleet.storage.ReportArchive;
import dev.crashwatch.fleet.testing.Http;
import dev.crashwatch.watchdog.cli.CliInStore;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.uploads.ReportState;
import dev.crashwatch.watchdog.weekly.ReportJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week uploaded and also exported is one report: real stores in a temporary folder, the real collector (folder
 * storage) on loopback with an upload config that cuts reports down, and {@code crashwatch export}, {@code import}
 * and {@code fleet top} in-process. Whichever copy comes first, the collector, fleet triage and an import count the
 * week once.
 */
class OneWeekOneReportTest {
    /** Only {@code app}, only {@code crash/} counters, two frames: the upload is the export cut down. */
    static final String CONFIG = """
            {"format":"crashwatch-upload-config/v1",
             "programs":[{"name":"app","versions":["*"],"sampleRate":1.0}],
             "counterPrefixes":["crash/"],"stackDepth":2}
            """;
    static final String DEEP = "crash/crash\njava.lang.IllegalStateException\napp.A.a:+1\napp.B.b:+2\napp.Main.main:+3";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** The last week that has ended. */
    static final LocalDate WEEK = Weeks.startOf(TODAY).minusWeeks(1);

    @TempDir
    Path tmp;
    Path collectorDir;
    CollectorServer collector;
    Http http;

    @BeforeAll
    static void register() {
        FleetMain.registerAll();
    }

    @BeforeEach
    void startCollector() throws Exception {
        collectorDir = tmp.resolve("collector");
        collector = new CollectorServer(CollectorSettings.defaults("127.0.0.1", 0,
                UploadConfigJson.read(CONFIG.getBytes(StandardCharsets.UTF_8))),
                new ReportArchive(new FolderStore(collectorDir)));
        collector.start();
        http = new Http(collector.port());
    }

    @AfterEach
    void stopCollector() throws Exception {
        collector.close();
    }

    /**
     * A machine in mode on whose week has 3 deep crashes of app 2.4.0-rc1 and its runs, 2 crashes of {@code tool}
     * (not in the config) and, with {@code runsOnly}, an app version that ran without crashing: an entry the
     * collector's cut keeps with no counter and the client's upload leaves out, so the two cuts differ.
     */
    UploadStore machine(String name, boolean runsOnly) throws Exception {
        UploadStore s = new UploadStore(tmp.resolve(name), WEEK.minusDays(30))
                .counters(UploadStore.key("app", "2.4.0-rc1", WEEK), Map.of(DEEP, 3L, "crashwatch/runs", 10L))
                .counters(UploadStore.key("tool", "1.0", WEEK),
                        Map.of("crash/crash\njava.lang.Error\ntool.Main.main:+1", 2L));
        return runsOnly ? s.counters(UploadStore.key("app", "2.3.0", WEEK), Map.of("crashwatch/runs", 5L)) : s;
    }

    UploadResult upload(UploadStore s) throws Exception {
        return s.upload("http://127.0.0.1:" + collector.port(), TODAY);
    }

    static CliInStore.Result cli(Path store, String... args) {
        return new CliInStore(store).run(args);
    }

    /** {@code crashwatch export --week WEEK} of the machine, written to a file. */
    Path export(UploadStore s) throws Exception {
        CliInStore.Result r = cli(s.dir, "export", "--week", WEEK.toString());
        assertEquals(0, r.status(), r.err());
        return Files.writeString(tmp.resolve(s.dir.getFileName() + "-export.json"), r.out());
    }

    static String id(Path report) throws Exception {
        return ReportJson.read(Files.readAllBytes(report)).id();
    }

    /** Every counter of a store, by counter file key. */
    static Map<String, Map<String, Long>> counts(Path store) throws Exception {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (CounterFile f : Store.at(store).counterFiles()) {
            counts.put(f.key().toString(), new TreeMap<>(f.counters()));
        }
        return counts;
    }

    /** {@code crashwatch fleet top --json} over the collector's folder: "frame machine-weeks crashes" per crash. */
    List<String> fleetTop() throws Exception {
        CliInStore.Result top = cli(tmp.resolve("engineer-fleet"), "fleet", "top", "--reports", collectorDir.toString(),
                "--json");
        assertEquals(0, top.status(), top.err());
        return StreamSupport.stream(top.json().get("top").spliterator(), false).map(c -> c.get("frames").get(0).asText()
                + " " + c.get("machines").asLong() + " " + c.get("count").asLong())
                .toList();
    }

    @Test
    void uploaded_then_exported_the_week_is_one_report_at_the_collector_in_triage_and_in_an_import() throws Exception {
        UploadStore a = machine("a", true);
        assertEquals("done", upload(a).status());
        StoredReport uploaded = a.in(ReportState.UPLOADED).get(0);
        Path exported = export(a);
        assertEquals(uploaded.id(), id(exported), "the export takes the ID the upload made for the week");
        assertEquals(Map.of(WEEK, uploaded.id()), Store.at(a.dir).exportedReportIds());

        // The export posted to the collector by hand: the collector keeps the upload it has, and says so.
        HttpResponse<String> second = http.post(Files.readAllBytes(exported));
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("report " + uploaded.id() + " is already stored with other content: a week is one report, the"
                + " copy stored first counts and this one is not stored",
                new ObjectMapper().readTree(second.body()).get("error").asText());
        List<Path> stored = RealCollector.storedFiles(collectorDir);
        assertEquals(1, stored.size());
        assertEquals(ReportJson.read(Files.readAllBytes(uploaded.file())),
                ReportJson.read(Files.readAllBytes(stored.get(0))), "the accepted upload stays as it was");
        assertEquals(List.of("java.lang.IllegalStateException 1 3"), fleetTop());

        // An import of both copies, the upload first: each entry counted once, from the first copy that has it.
        Path engineer = tmp.resolve("engineer");
        assertEquals(0, cli(engineer, "import", uploaded.file().toString()).status());
        CliInStore.Result r = cli(engineer, "import", exported.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith(": week of " + WEEK + ", 2 entries added, 1 entry not added: an earlier copy of"
                + " this week's report (report " + uploaded.id() + ": another export, or the upload's cut of it) is in"
                + " with other counts; a store takes the first copy of a week it sees\n"), r.out());
        Map<String, Map<String, Long>> imported = counts(engineer);
        Map<String, Map<String, Long>> own = counts(a.dir);
        assertEquals(own.keySet(), imported.keySet());
        assertEquals(3L, imported.values().stream().flatMap(c -> c.entrySet().stream())
                .filter(c -> c.getKey().startsWith("crash/crash\njava.lang.IllegalStateException"))
                .mapToLong(Map.Entry::getValue).sum(), "the app's crashes once: " + imported);

        // The other order: the whole export first, and the upload's cut adds nothing.
        Path other = tmp.resolve("engineer2");
        assertEquals(0, cli(other, "import", exported.toString()).status());
        CliInStore.Result up = cli(other, "import", uploaded.file().toString());
        assertTrue(up.out().contains("0 entries added, 1 entry not added"), up.out());
        assertEquals(own, counts(other), "exactly the machine's counts");
    }

    @Test
    void exported_and_posted_then_uploaded_the_week_is_one_report_whichever_way_the_cuts_compare() throws Exception {
        UploadStore same = machine("same", false);
        UploadStore differs = machine("differs", true);
        for (UploadStore s : List.of(same, differs)) {
            Path exported = export(s);
            assertEquals(201, http.post(Files.readAllBytes(exported)).statusCode());
            assertEquals("done", upload(s).status());
            List<StoredReport> reports = s.shelf().all();
            assertEquals(1, reports.size());
            assertEquals(id(exported), reports.get(0).id(), "the upload takes the ID the export made for the week");
        }
        // Cut down to the config, the export is what the upload sends: the same report, stored already.
        StoredReport duplicate = same.in(ReportState.UPLOADED).get(0);
        assertTrue(duplicate.reason().orElseThrow().contains("\"duplicate\":true"), duplicate.reason().orElseThrow());
        // Cut down, the export keeps an entry with no counter that the upload leaves out: another body, refused and
        // kept with the collector's reason; the copy the collector accepted first stays.
        StoredReport rejected = differs.in(ReportState.REJECTED).get(0);
        assertTrue(rejected.reason().orElseThrow().contains("HTTP 409: report " + rejected.id()
                + " is already stored with other content"), rejected.reason().orElseThrow());
        assertEquals(2, RealCollector.storedFiles(collectorDir).size());
        assertEquals(List.of("java.lang.IllegalStateException 2 6"), fleetTop());
    }
}
