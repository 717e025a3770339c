package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;
import java.nio.charset.StandardCharsets;

/**
 * A parsed frame header line {@code CW1 <pid> <kind> <record> <part> <more> <length>}, or nothing when the
 * line is not one. Strict: anything out of shape is not a header, so the reader treats it as garbage.
 */
record FrameHeader(long pid, String kind, long number, int part, boolean more, int length) {

    /** Parses one line (without its {@code \n}; a trailing {@code \r} is tolerated); null when it is not a header. */
    static FrameHeader parse(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (end > Wire.MAX_HEADER || !startsWithMagic(line, end)) {
            return null;
        }
        String[] f = new String(line, 0, end, StandardCharsets.US_ASCII).split(" ", -1);
        if (f.length != 7 || !isKind(f[2])) {
            return null;
        }
        long pid = number(f[1]);
        long record = number(f[3]);
        long part = number(f[4]);
        long size = number(f[6]);
        boolean flag = f[5].equals("0") || f[5].equals("1");
        if (pid <= 0 || record < 0 || part < 0 || part > Integer.MAX_VALUE || !flag || size < 0
                || size > Wire.MAX_FRAME) {
            return null;
        }
        return new FrameHeader(pid, f[2], record, (int) part, f[5].equals("1"), (int) size);
    }

    /** True when the bytes start with {@code "CW1 "}: a line the reader resynchronises on. */
    static boolean startsWithMagic(byte[] bytes, int length) {
        return length >= 4 && bytes[0] == 'C' && bytes[1] == 'W' && bytes[2] == '1' && bytes[3] == ' ';
    }

    private static boolean isKind(String s) {
        if (s.isEmpty() || s.length() > 16) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** A non-negative decimal without sign or leading zeros beyond "0"; -1 otherwise. */
    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18 || s.length() > 1 && s.charAt(0) == '0') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
