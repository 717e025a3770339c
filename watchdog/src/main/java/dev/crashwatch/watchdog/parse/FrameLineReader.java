package dev.crashwatch.watchdog.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the frame on a trace line: {@code at [loader/][module@version/]pkg.Class.method(File.java:12)}, found after
 * any prefix, with a logging framework's suffix after it ignored. Hand-written: it runs once per line of a
 * 1024-frame stack overflow.
 */
final class FrameLineReader {
    /**
     * A name with whitespace in its class-loader prefix is looked for only near the start of a line (behind a log
     * prefix at most), within this many characters, trying this many parentheses: a hostile line of many thousand
     * {@code at} words must cost no more than a frame line.
     */
    private static final int MAX_LOADER_NAME_AT = 512;
    private static final int MAX_LOADER_NAME = 512;
    private static final int MAX_PARENTHESES = 4;
    /** Longest location read ({@code File.java:12}, or a path): the rest of a longer line is not a frame's. */
    private static final int MAX_LOCATION = 4096;
    private static final Pattern HIDDEN_CLASS = Pattern.compile("/0x\\p{XDigit}+|/\\d+(?=\\.)");

    private FrameLineReader() {
    }

    /** The frame on the line (prefixes already removed), or null when it holds none. */
    static JavaFrame read(String line, String rawLine) {
        for (int at = atToken(line, 0); at >= 0; at = atToken(line, at + 2)) {
            JavaFrame frame = frameAt(line, at, rawLine);
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /**
     * Reads {@code at [loader/][module@version/]pkg.Class.method(File.java:12)} from index {@code at}. The name runs to
     * the first whitespace or parenthesis; one whitespace may precede the {@code (}; the location holds no parenthesis.
     * Failing that, whitespace and parentheses are allowed in a class-loader prefix ({@code PluginClassLoader for
     * exporter//com.acme.A.b}): the part after the last whitespace must then carry a {@code /}. Null when it is not that.
     */
    private static JavaFrame frameAt(String line, int at, String rawLine) {
        int n = line.length();
        int nameStart = at + 2;
        while (nameStart < n && Character.isWhitespace(line.charAt(nameStart))) {
            nameStart++;
        }
        int plainEnd = nameStart;
        while (plainEnd < n && !Character.isWhitespace(line.charAt(plainEnd)) && line.charAt(plainEnd) != '('
                && line.charAt(plainEnd) != ')') {
            plainEnd++;
        }
        int open = plainEnd < n && Character.isWhitespace(line.charAt(plainEnd)) ? plainEnd + 1 : plainEnd;
        if (open < n && line.charAt(open) == '(' && open > nameStart) {
            return frameWithLocationAt(line, nameStart, open, rawLine);
        }
        if (at > MAX_LOADER_NAME_AT) {
            return null;
        }
        int tries = 0;
        int limit = Math.min(n, nameStart + MAX_LOADER_NAME);
        for (open = nameStart + 1; open < limit && tries < MAX_PARENTHESES; open++) {
            if (line.charAt(open) == '(') {
                tries++;
                JavaFrame frame = frameWithLocationAt(line, nameStart, open, rawLine);
                if (frame != null) {
                    return frame;
                }
            }
        }
        return null;
    }

    private static JavaFrame frameWithLocationAt(String line, int nameStart, int open, String rawLine) {
        int nameEnd = Character.isWhitespace(line.charAt(open - 1)) ? open - 1 : open;
        String qualified = line.substring(nameStart, nameEnd);
        int lastSpace = lastWhitespace(qualified);
        boolean prefixed = qualified.indexOf('/', lastSpace + 1) >= 0;
        if (qualified.isEmpty() || (lastSpace >= 0 || qualified.indexOf('(') >= 0 || qualified.indexOf(')') >= 0)
                && !prefixed) {
            return null;
        }
        int close = open + 1;
        int closeLimit = Math.min(line.length(), open + 1 + MAX_LOCATION);
        while (close < closeLimit && line.charAt(close) != ')' && line.charAt(close) != '(') {
            close++;
        }
        if (close >= line.length() || line.charAt(close) != ')') {
            return null;
        }
        return frame(qualified.substring(lastSpace + 1), line.substring(open + 1, close), rawLine);
    }

    private static int lastWhitespace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the next word {@code at} (at the start, or after whitespace, '>', ':', ']' or '|'), or -1. */
    private static int atToken(String line, int from) {
        for (int i = line.indexOf("at", from); i >= 0; i = line.indexOf("at", i + 1)) {
            boolean startsWord = i == 0 || " \t>:]|".indexOf(line.charAt(i - 1)) >= 0;
            boolean endsWord = i + 2 < line.length() && Character.isWhitespace(line.charAt(i + 2));
            if (startsWord && endsWord) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a frame from {@code [loader/][module@version/]pkg.Class.method} and {@code File.java:12}; null if not one. */
    private static JavaFrame frame(String qualified, String location, String rawLine) {
        String name = withoutLoaderAndModule(qualified);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return null;
        }
        String className = name.substring(0, dot);
        String method = name.substring(dot + 1);
        if (!allOf(className, "_$.-/") || !allOf(method, "_$<>-")) {
            return null;
        }
        String file = null;
        int line = -1;
        String loc = location.trim();
        int colon = loc.lastIndexOf(':');
        if (colon >= 0 && colon < loc.length() - 1 && colon >= loc.length() - 10 && allDigits(loc, colon + 1)) {
            file = loc.substring(0, colon);
            line = Integer.parseInt(loc.substring(colon + 1));
        } else if (!loc.isEmpty() && !loc.equals("Native Method") && !loc.equals("Unknown Source")) {
            file = loc;
        }
        if ("Unknown Source".equals(file)) {
            file = null;
        }
        return new JavaFrame(className, method, file, line, rawLine);
    }

    /** True when every character is a letter, a digit or one of {@code others}. */
    private static boolean allOf(String s, String others) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops every class-loader and module prefix the JDK prints ({@code app//}, {@code java.base@17.0.15/},
     * {@code jdk.proxy3/}, {@code my-loader/my.module@1.0/}, the tail of {@code PluginClassLoader for exporter//}),
     * keeping hidden-class {@code /0x...} suffixes.
     */
    private static String withoutLoaderAndModule(String qualified) {
        if (qualified.indexOf('/') < 0) {
            return qualified;
        }
        Matcher hidden = HIDDEN_CLASS.matcher(qualified);
        int protectedFrom = hidden.find() ? hidden.start() : qualified.length();
        int slash = qualified.lastIndexOf('/', protectedFrom - 1);
        return slash < 0 ? qualified : qualified.substring(slash + 1);
    }
}
