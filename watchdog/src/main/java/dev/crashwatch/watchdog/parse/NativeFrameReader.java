package dev.crashwatch.watchdog.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one frame line of an hs_err log ({@code C  [libfoo.so+0x12]  sym+0x4}, {@code J 12 c2 a.B.c()V ...}). */
final class NativeFrameReader {
    private static final Pattern FRAME = Pattern.compile("^([CVvJjA])\\s+(\\S.*)$");
    private static final Pattern IN_LIBRARY = Pattern.compile("^\\[([^\\]]+?)(?:\\+0x\\p{XDigit}+)?]\\s*(.*)$");
    private static final Pattern COMPILED = Pattern.compile(
            "^(?:\\d+%?\\s+)?(?:(?:c1|c2|C1|C2|jvmci|JVMCI)\\s+)?([\\p{L}\\p{N}_$.<>/\\-]+)\\(");
    private static final Pattern INTERPRETED = Pattern.compile("^([\\p{L}\\p{N}_$.<>/\\-]+)\\(");
    private static final Pattern STUB = Pattern.compile("^~?([\\p{L}\\p{N}_$:<>.\\-]+)");
    private static final Pattern OFFSET = Pattern.compile("\\+0x\\p{XDigit}+$");

    private NativeFrameReader() {
    }

    /** The frame on this line (prefixes such as {@code # } or {@code > } already removed), or null. */
    static NativeFrame read(String line, String rawLine) {
        Matcher m = FRAME.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        char marker = m.group(1).charAt(0);
        String rest = m.group(2);
        return switch (marker) {
            case 'C', 'V' -> nativeCode(marker, rest, rawLine);
            case 'J', 'A' -> java(marker, COMPILED.matcher(rest), rawLine);
            case 'j' -> java(marker, INTERPRETED.matcher(rest), rawLine);
            default -> stub(rest, rawLine);
        };
    }

    private static NativeFrame nativeCode(char marker, String rest, String rawLine) {
        Matcher m = IN_LIBRARY.matcher(rest);
        if (!m.matches()) {
            return rest.startsWith("0x") ? new NativeFrame(marker, null, null, rawLine) : null;
        }
        String path = m.group(1);
        String library = path.substring(path.lastIndexOf('/') + 1);
        return new NativeFrame(marker, library, symbol(m.group(2)), rawLine);
    }

    /** {@code JavaCalls::call_helper(JavaValue*, ...) [clone .constprop.1]+0x3aa  (debug.cpp:289)} → {@code JavaCalls::call_helper}. */
    static String symbol(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        int paren = s.indexOf('(');
        if (paren > 0) {
            s = s.substring(0, paren);
        } else {
            int space = s.indexOf(' ');
            s = space > 0 ? s.substring(0, space) : s;
        }
        s = OFFSET.matcher(s.strip()).replaceFirst("");
        return s.isEmpty() ? null : s;
    }

    private static NativeFrame java(char marker, Matcher m, String rawLine) {
        if (!m.find()) {
            return new NativeFrame(marker, null, null, rawLine);
        }
        return new NativeFrame(marker, null, m.group(1), rawLine);
    }

    private static NativeFrame stub(String rest, String rawLine) {
        Matcher m = STUB.matcher(rest);
        return new NativeFrame('v', null, m.find() ? m.group(1) : null, rawLine);
    }
}
