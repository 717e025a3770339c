package dev.crashwatch.watchdog.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A short, stable ID for a counter name (as Go's {@code stacks} tool gives each stack): the first 6
 * characters of the URL-safe base64 of the name's 32-bit FNV-1a hash. A bug report can cite it instead of
 * the whole stack.
 */
public final class StackIds {
    private StackIds() {
    }

    /** The stack ID of a counter name. */
    public static String of(String counterName) {
        int hash = 0x811c9dc5;
        for (byte b : counterName.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        byte[] bytes = {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash};
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 6);
    }
}
