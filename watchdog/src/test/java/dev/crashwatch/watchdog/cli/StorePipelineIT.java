package dev.crashwatch.watchdog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.watchdog.testing.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's commands over a store built by real crashes: sample programs crash under {@code crashwatch run}
 * (the packaged jars) as version 1.0 (npe, nested) and 2.0 (npe, worker, native-segv, oom-exit), then
 * {@code counters},
 * {@code top}, {@code compare}, {@code status} and {@code export}/{@code import} run as a user runs them.
 */
class StorePipelineIT {
    @TempDir
    static Path dir;
    static Path store;

    @BeforeAll
    static void crash_samples_into_one_store() throws Exception {
        store = dir.resolve("store");
        for (String kind : List.of("npe", "nested")) {
            crash("1.0", kind);
        }
        for (String kind : List.of("npe", "worker", "native-segv")) {
            crash("2.0", kind);
        }
        crash("2.0", "oom-exit", "-Xmx32m", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void counters_json_holds_one_file_per_version_with_the_real_crashes() throws Exception {
        JsonNode files = json(store, "counters", "--json", "--program", "sample");
        assertEquals(2, files.size(), files.toString());
        Map<String, JsonNode> byVersion = new HashMap<>();
        files.forEach(f -> byVersion.put(f.get("version").asText(), f));
        JsonNode v2 = byVersion.get("2.0");
        assertEquals(System.getProperty("java.specification.version"), v2.get("javaVersion").asText().split("\\.")[0]);
        assertTrue(v2.get("weekStart").asText().matches("\\d{4}-\\d\\d-\\d\\d"));
        assertEquals(4 + 1, v2.get("counters").size(), "four crashes and the runs: " + v2);
        assertEquals(4, v2.get("counters").get("crashwatch/runs").asLong(), "every run counted, crashed or not");
        v2.get("counters").fields().forEachRemaining(c -> assertEquals(c.getKey().equals("crashwatch/runs") ? 4 : 1,
                c.getValue().asLong(), c.getKey()));
        assertEquals(2 + 1, byVersion.get("1.0").get("counters").size());
    }

    @Test
    void top_ranks_the_shared_npe_first_with_its_kind_and_frames() throws Exception {
        JsonNode top = json(store, "top", "--json", "--program", "sample");
        assertEquals(5, top.size(), top.toString());
        JsonNode first = top.get(0);
        assertEquals(2, first.get("count").asLong());
        assertEquals("uncaught", first.get("kind").asText());
        assertEquals("java.lang.NullPointerException", first.get("frames").get(0).asText());
        assertEquals("[\"1.0\",\"2.0\"]", first.get("versions").toString());
        List<String> kinds = new ArrayList<>();
        top.forEach(c -> kinds.add(c.get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("uncaught", "fatal", "oom")), kinds.toString());
    }

    @Test
    void compare_finds_the_added_the_removed_and_the_shared_crash() throws Exception {
        JsonNode c = json(store, "compare", "--base", "1.0", "--new", "2.0", "--program", "sample", "--json");
        assertEquals("per-1000-runs", c.get("basis").asText());
        assertEquals(2, c.get("baseRuns").asLong());
        assertEquals(4, c.get("newRuns").asLong());
        assertEquals(3, c.get("newCrashes").size(), c.toString());
        assertEquals(1, c.get("gone").size(), c.toString());
        assertTrue(c.get("gone").get(0).get("frames").get(0).asText().endsWith("Exception"), c.toString());
        assertEquals(1, c.get("changed").size(), "the npe: once in 2 runs, then once in 4: " + c);
        JsonNode npe = c.get("changed").get(0);
        assertEquals("java.lang.NullPointerException", npe.get("frames").get(0).asText());
        assertEquals(500.0, npe.get("baseRate").asDouble(), 1e-9);
        assertEquals(250.0, npe.get("newRate").asDouble(), 1e-9);
    }

    @Test
    void status_and_a_round_trip_through_export_and_import() throws Exception {
        JsonNode status = json(store, "status", "--json");
        assertEquals(2, status.get("counterFiles").asInt());
        assertEquals("sample", status.get("mostRecentCrash").get("program").asText());
        Path report = dir.resolve("report.json");
        Files.writeString(report, cli(store, "export").out());
        Path engineer = dir.resolve("engineer");
        cli(engineer, "import", report.toString());
        cli(engineer, "import", report.toString());
        assertEquals(json(store, "top", "--json").toString(), json(engineer, "top", "--json").toString());
    }

    private static void crash(String version, String kind, String... jvmOptions) throws Exception {
        List<String> line = new ArrayList<>(List.of(java(), "-jar", TestJars.watchdog().toString(), "run",
                "--program", "sample", "--version", version, "--", java()));
        line.addAll(List.of(jvmOptions));
        line.addAll(List.of("-cp", TestJars.samples().toString(), "dev.crashwatch.samples.Crash", kind));
        Result r = run(store, dir, line);
        assertTrue(r.status() != 0 || kind.equals("worker"), kind + ": " + r);
    }

    private JsonNode json(Path storeDir, String... args) throws Exception {
        return new ObjectMapper().readTree(cli(storeDir, args).out());
    }

    private Result cli(Path storeDir, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of(java(), "-jar", TestJars.watchdog().toString()));
        line.addAll(List.of(args));
        Result r = run(storeDir, dir, line);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r);
        return r;
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(Path storeDir, Path cwd, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CRASHWATCH_DIR", storeDir.toString());
        pb.environment().remove("CRASHWATCH_MODE");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
