package dev.crashwatch.watchdog.store.counters;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a counter file's key as the JSON fields {@code program}, {@code version}, {@code javaVersion}, {@code os},
 * {@code arch} and {@code weekStart}: the same fields in the counter files and in {@code crashwatch counters --json}.
 */
public final class CounterFileKeyJson {
    private CounterFileKeyJson() {
    }

    public static void writeFields(JsonGenerator g, CounterFileKey k) throws IOException {
        g.writeStringField("program", k.program());
        g.writeStringField("version", k.version());
        g.writeStringField("javaVersion", k.javaVersion());
        g.writeStringField("os", k.os());
        g.writeStringField("arch", k.arch());
        g.writeStringField("weekStart", k.weekStart().toString());
    }
}
