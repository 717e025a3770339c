package dev.crashwatch.watchdog.signature;

import java.nio.charset.StandardCharsets;

/**
 * Bounds a name to {@value #MAX_BYTES} bytes of UTF-8 (Go's limit): a longer name is cut at a line boundary and ends
 * with a {@code truncated} line.
 */
final class NameLimit {
    /** Longest name, in UTF-8 bytes. */
    static final int MAX_BYTES = 4096;
    /** Last line of a cut name. */
    static final String TRUNCATED = "truncated";

    private NameLimit() {
    }

    static String bound(String name, Explanation explain) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        int room = MAX_BYTES - TRUNCATED.length() - 1;
        String head = new String(bytes, 0, room, StandardCharsets.UTF_8);
        while (head.getBytes(StandardCharsets.UTF_8).length > room) {
            head = head.substring(0, head.length() - 1);
        }
        int nl = head.lastIndexOf('\n');
        explain.decision("name cut to " + MAX_BYTES + " bytes and marked truncated");
        return (nl > 0 ? head.substring(0, nl) : head) + "\n" + TRUNCATED;
    }
}
