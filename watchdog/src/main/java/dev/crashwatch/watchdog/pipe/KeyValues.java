package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parses the {@code key=value} lines of hello and bye payloads ({@code docs/protocol.md}, "Records"). */
final class KeyValues {
    private KeyValues() {
    }

    /** The pairs of {@code payload}; values unescaped with {@link Wire#unescape}, a trailing CR dropped. */
    static Map<String, String> parse(byte[] payload) {
        Map<String, String> pairs = new HashMap<>();
        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                pairs.put(line.substring(0, eq), Wire.unescape(stripCr(line.substring(eq + 1))));
            }
        }
        return pairs;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
