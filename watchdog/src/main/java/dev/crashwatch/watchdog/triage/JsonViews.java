package dev.crashwatch.watchdog.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKeyJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of counter files and triage answers, as {@code --json} prints them: dates as ISO days,
 * counters as name → count, frames as arrays of lines. Written with jackson's streaming generator (no object
 * mapper to load: a CLI answer should cost little more than reading the store).
 */
public final class JsonViews {
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonViews() {
    }

    /** Counter files: program, version, javaVersion, os, arch, weekStart, file, counters, stackIds. */
    public static void counterFiles(OutputStream out, List<CounterFile> files) {
        write(out, g -> {
            g.writeStartArray();
            for (CounterFile f : files) {
                g.writeStartObject();
                CounterFileKeyJson.writeFields(g, f.key());
                g.writeStringField("file", f.path().getFileName().toString());
                g.writeObjectFieldStart("counters");
                for (Map.Entry<String, Long> c : f.counters().entrySet()) {
                    g.writeNumberField(c.getKey(), c.getValue());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("stackIds");
                for (String name : f.counters().keySet()) {
                    g.writeStringField(name, StackIds.of(name));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /**
     * Ranked crashes: rank, stackId, kind, count, firstWeek, lastWeek, versions, javaVersions, programs (program →
     * count), name, frames.
     */
    public static void ranked(OutputStream out, List<RankedCrash> crashes) {
        write(out, g -> {
            g.writeStartArray();
            for (int i = 0; i < crashes.size(); i++) {
                RankedCrash c = crashes.get(i);
                g.writeStartObject();
                g.writeNumberField("rank", i + 1);
                g.writeStringField("stackId", c.stackId());
                g.writeStringField("kind", c.kind().word());
                g.writeNumberField("count", c.count());
                g.writeStringField("firstWeek", c.firstWeek().toString());
                g.writeStringField("lastWeek", c.lastWeek().toString());
                strings(g, "versions", c.versions());
                strings(g, "javaVersions", c.javaVersions());
                g.writeObjectFieldStart("programs");
                for (Map.Entry<String, Long> p : c.programs().entrySet()) {
                    g.writeNumberField(p.getKey(), p.getValue());
                }
                g.writeEndObject();
                g.writeStringField("name", c.name());
                strings(g, "frames", c.frames());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** Weekly totals: program, version, weekStart, crashes. */
    public static void weeklyTotals(OutputStream out, List<WeekTotal> totals) {
        write(out, g -> {
            g.writeStartArray();
            for (WeekTotal t : totals) {
                g.writeStartObject();
                g.writeStringField("program", t.program());
                g.writeStringField("version", t.version());
                g.writeStringField("weekStart", t.weekStart().toString());
                g.writeNumberField("crashes", t.crashes());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /**
     * A comparison: versions, basis ({@code per-1000-runs} or {@code raw}), runs, each version's Java versions, then
     * new / gone / changed / unchanged, each crash with its Java versions and {@code javaGap}.
     */
    public static void comparison(OutputStream out, Comparison c) {
        write(out, g -> {
            g.writeStartObject();
            if (c.program().isPresent()) {
                g.writeStringField("program", c.program().get());
            }
            g.writeStringField("base", c.baseVersion());
            g.writeStringField("new", c.newVersion());
            g.writeStringField("basis", c.perRun() ? "per-1000-runs" : "raw");
            if (c.baseRuns().isPresent()) {
                g.writeNumberField("baseRuns", c.baseRuns().get());
            }
            if (c.newRuns().isPresent()) {
                g.writeNumberField("newRuns", c.newRuns().get());
            }
            strings(g, "baseJavaVersions", c.baseJavaVersions());
            strings(g, "newJavaVersions", c.newJavaVersions());
            changes(g, "newCrashes", c.newCrashes());
            changes(g, "gone", c.gone());
            changes(g, "changed", c.changed());
            changes(g, "unchanged", c.unchanged());
            g.writeEndObject();
        });
    }

    /** Writing one JSON document. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes one pretty-printed document and a newline to {@code out}, leaving it open. */
    public static void write(OutputStream out, Body body) {
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            body.write(g);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void changes(JsonGenerator g, String field, List<CrashChange> changes) throws IOException {
        g.writeArrayFieldStart(field);
        for (CrashChange c : changes) {
            g.writeStartObject();
            g.writeStringField("stackId", c.stackId());
            g.writeStringField("kind", c.kind().word());
            g.writeNumberField("baseCount", c.baseCount());
            g.writeNumberField("newCount", c.newCount());
            g.writeNumberField("baseRate", c.baseRate());
            g.writeNumberField("newRate", c.newRate());
            strings(g, "javaVersions", c.javaVersions());
            g.writeBooleanField("javaGap", c.javaGap());
            g.writeStringField("name", c.name());
            strings(g, "frames", c.frames());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

}
