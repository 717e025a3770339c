package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts a JVM's agent sends in its hello record ({@code docs/protocol.md}): what names its counter file and
 * where its fatal error log would be. Unknown keys are ignored; missing ones read as empty.
 */
public final class Hello {
    /** What is known of a JVM that sent no hello. */
    public static final Hello NONE = new Hello(Map.of());

    private final Map<String, String> facts;

    private Hello(Map<String, String> facts) {
        this.facts = facts;
    }

    /** Parses a hello payload: {@code key=value} lines, values escaped with {@link Wire#escape}. */
    public static Hello parse(byte[] payload) {
        return new Hello(KeyValues.parse(payload));
    }

    /** Facts known otherwise than from a hello record (see {@code watch.UnheardJvm}). */
    public static Hello of(Map<String, String> facts) {
        return new Hello(Map.copyOf(facts));
    }

    /** A fact, or the empty string. */
    public String get(String key) {
        return facts.getOrDefault(key, "");
    }

    /** The facts as {@code key=value} with values escaped as in the hello record: to store a run in the journal. */
    public List<String> escapedFacts() {
        List<String> lines = new ArrayList<>(facts.size());
        facts.forEach((k, v) -> lines.add(k + "=" + Wire.escape(v)));
        lines.sort(null);
        return lines;
    }

    /** Reads back {@link #escapedFacts}. */
    public static Hello ofEscapedFacts(List<String> lines) {
        return parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isKnown() {
        return !facts.isEmpty();
    }

    public long startMillis() {
        try {
            return Long.parseLong(get(Wire.KEY_START_MILLIS));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean exitOnOutOfMemoryError() {
        return get(Wire.KEY_EXIT_ON_OOM).equals("true");
    }
}
