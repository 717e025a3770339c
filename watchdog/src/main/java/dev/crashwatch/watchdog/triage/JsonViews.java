package dev.crashwatch.watchdog.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.CounterFile;
import dev.crashwatch.watchdog.store.CounterFileKey;
import java.util.List;

/**
 * The JSON shapes of counter files and triage answers, as {@code --json} prints them (and the view may serve):
 * dates as ISO days, counters as name → count, frames as arrays of lines.
 */
public final class JsonViews {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonViews() {
    }

    /** Counter files: program, version, javaVersion, os, arch, weekStart, file, counters, stackIds. */
    public static ArrayNode counterFiles(List<CounterFile> files) {
        ArrayNode array = JSON.createArrayNode();
        for (CounterFile f : files) {
            ObjectNode node = key(array.addObject(), f.key());
            node.put("file", f.path().getFileName().toString());
            ObjectNode counters = node.putObject("counters");
            ObjectNode ids = node.putObject("stackIds");
            f.counters().forEach((name, n) -> {
                counters.put(name, n);
                ids.put(name, StackIds.of(name));
            });
        }
        return array;
    }

    /** Ranked crashes: rank, stackId, kind, count, firstWeek, lastWeek, versions, name, frames. */
    public static ArrayNode ranked(List<RankedCrash> crashes) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < crashes.size(); i++) {
            RankedCrash c = crashes.get(i);
            ObjectNode node = array.addObject();
            node.put("rank", i + 1);
            node.put("stackId", c.stackId());
            node.put("kind", c.kind().word());
            node.put("count", c.count());
            node.put("firstWeek", c.firstWeek().toString());
            node.put("lastWeek", c.lastWeek().toString());
            c.versions().forEach(node.putArray("versions")::add);
            node.put("name", c.name());
            c.frames().forEach(node.putArray("frames")::add);
        }
        return array;
    }

    /** Weekly totals: program, version, weekStart, crashes. */
    public static ArrayNode weeklyTotals(List<WeekTotal> totals) {
        ArrayNode array = JSON.createArrayNode();
        for (WeekTotal t : totals) {
            array.addObject().put("program", t.program()).put("version", t.version())
                    .put("weekStart", t.weekStart().toString()).put("crashes", t.crashes());
        }
        return array;
    }

    /** A comparison: versions, basis, runs, then new / gone / changed / unchanged crashes. */
    public static ObjectNode comparison(Comparison c) {
        ObjectNode node = JSON.createObjectNode();
        c.program().ifPresent(p -> node.put("program", p));
        node.put("base", c.baseVersion());
        node.put("new", c.newVersion());
        node.put("basis", c.perRun() ? "per-run" : "raw");
        c.baseRuns().ifPresent(n -> node.put("baseRuns", n));
        c.newRuns().ifPresent(n -> node.put("newRuns", n));
        changes(node.putArray("newCrashes"), c.newCrashes());
        changes(node.putArray("gone"), c.gone());
        changes(node.putArray("changed"), c.changed());
        changes(node.putArray("unchanged"), c.unchanged());
        return node;
    }

    /** Pretty-printed JSON text, ending with a newline. */
    public static String pretty(Object node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static void changes(ArrayNode array, List<CrashChange> changes) {
        for (CrashChange c : changes) {
            ObjectNode node = array.addObject();
            node.put("stackId", c.stackId());
            node.put("kind", c.kind().word());
            node.put("baseCount", c.baseCount());
            node.put("newCount", c.newCount());
            node.put("baseRate", c.baseRate());
            node.put("newRate", c.newRate());
            node.put("name", c.name());
            c.frames().forEach(node.putArray("frames")::add);
        }
    }

    private static ObjectNode key(ObjectNode node, CounterFileKey k) {
        return node.put("program", k.program()).put("version", k.version()).put("javaVersion", k.javaVersion())
                .put("os", k.os()).put("arch", k.arch()).put("weekStart", k.weekStart().toString());
    }
}
