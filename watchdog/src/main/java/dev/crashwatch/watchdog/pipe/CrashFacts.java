package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;
import java.util.Arrays;
import java.util.Map;

/**
 * A crash record's payload split in two ({@code docs/protocol.md}, "Records"): the facts it may begin with, lines of
 * {@link Wire#CRASH_FACT} then {@code key=value} (the class path when it changed since the hello), and the JVM's
 * text after them. A payload without facts is all text. Never throws.
 */
public record CrashFacts(Map<String, String> facts, byte[] text) {
    /** Splits {@code payload}; a fact line cut off by the end of the payload is left in the text. */
    public static CrashFacts parse(byte[] payload) {
        int at = 0;
        while (at < payload.length && payload[at] == Wire.CRASH_FACT) {
            int newline = indexOf(payload, (byte) '\n', at);
            if (newline < 0) {
                break;
            }
            at = newline + 1;
        }
        if (at == 0) {
            return new CrashFacts(Map.of(), payload);
        }
        byte[] lines = new byte[at];
        for (int i = 0; i < at; i++) {
            lines[i] = payload[i] == Wire.CRASH_FACT ? (byte) '\n' : payload[i];
        }
        return new CrashFacts(KeyValues.parse(lines), Arrays.copyOfRange(payload, at, payload.length));
    }

    /** A fact, or the empty string. */
    public String get(String key) {
        return facts.getOrDefault(key, "");
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
