package dev.crashwatch.watchdog.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A weekly report's ID: 16 random bytes in lower-case hex, made alone (one ID tells nothing of another: nothing links
 * a machine's weeks). The one owner of the format, for the reports export writes, the IDs the store keeps and the
 * reports import reads.
 */
public final class ReportIds {
    /** What a report ID looks like. */
    public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportIds() {
    }

    /** A new random report ID. */
    public static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
