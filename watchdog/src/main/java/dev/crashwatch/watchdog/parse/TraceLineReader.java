package dev.crashwatch.watchdog.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies single lines of a Java stack trace: frame, header, {@code Caused by:}, {@code ... N more} or text. */
final class TraceLineReader {
    private static final String IDENT = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final String QUALIFIED = IDENT + "(?:\\." + IDENT + ")+";
    /** A type: a qualified name, or a simple name that says it is a throwable. */
    static final String TYPE = "(?:" + QUALIFIED + "|" + IDENT + "(?:Exception|Error|Throwable))";
    private static final Pattern THREAD_HEADER = Pattern.compile(
            "Exception in thread \".*?\"\\s+(" + TYPE + ")(?::\\s?(.*))?$");
    private static final Pattern HANDLER_HEADER = Pattern.compile(
            "^Exception: (" + TYPE + ") thrown from the UncaughtExceptionHandler in thread");
    private static final Pattern NESTED_HEADER = Pattern.compile(
            "^([\\t ]*)(Caused by|Suppressed):\\s*(" + TYPE + ")(?::\\s?(.*))?$");
    private static final Pattern TYPE_HEADER = Pattern.compile("^\\s*(" + TYPE + ")(?::\\s(.*)|:)?\\s*$");
    private static final Pattern MORE = Pattern.compile("^\\s*\\.\\.\\.\\s*(\\d{1,9})\\s+(?:more|common frames omitted)");
    private static final Pattern OMITTED = Pattern.compile("^\\s*(\\d{1,9})\\s+common frames omitted");
    /** Longer lines are message text, never a header (a header's message may be long only within this). */
    private static final int MAX_HEADER_LINE = 64 << 10;
    private static final Pattern HIDDEN_CLASS = Pattern.compile("/0x\\p{XDigit}+|/\\d+(?=\\.)");

    private TraceLineReader() {
    }

    static TraceLine read(String rawLine) {
        String line = TextLines.withoutPrefix(rawLine);
        if (line.isBlank()) {
            return TraceLine.of(TraceLine.Kind.BLANK, rawLine);
        }
        for (int at = atToken(line, 0); at >= 0; at = atToken(line, at + 2)) {
            JavaFrame frame = frameAt(line, at, rawLine);
            if (frame != null) {
                return new TraceLine(TraceLine.Kind.FRAME, 0, null, null, frame, 0, rawLine);
            }
        }
        return header(line, rawLine);
    }

    /**
     * Reads {@code at pkg.Class.method(File.java:12)} from index {@code at}: the name runs to the first whitespace or
     * parenthesis, one whitespace may precede the {@code (}, the location holds no parenthesis. Null when it is not that.
     */
    private static JavaFrame frameAt(String line, int at, String rawLine) {
        int n = line.length();
        int i = at + 2;
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        int nameStart = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '(' && line.charAt(i) != ')') {
            i++;
        }
        int nameEnd = i;
        if (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (nameEnd == nameStart || i >= n || line.charAt(i) != '(') {
            return null;
        }
        int close = i + 1;
        while (close < n && line.charAt(close) != ')' && line.charAt(close) != '(') {
            close++;
        }
        if (close >= n || line.charAt(close) != ')') {
            return null;
        }
        return frame(line.substring(nameStart, nameEnd), line.substring(i + 1, close), rawLine);
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

    private static TraceLine header(String line, String rawLine) {
        Matcher m = MORE.matcher(line);
        if ((line.contains(" more") || line.contains(" omitted")) && (m.find() || (m = OMITTED.matcher(line)).find())) {
            return new TraceLine(TraceLine.Kind.MORE, 0, null, null, null, Integer.parseInt(m.group(1)), rawLine);
        }
        if (line.length() > MAX_HEADER_LINE) {
            return TraceLine.of(TraceLine.Kind.TEXT, rawLine);
        }
        m = NESTED_HEADER.matcher(line);
        if ((line.contains("Caused by") || line.contains("Suppressed")) && m.find()) {
            TraceLine.Kind kind = m.group(2).equals("Caused by") ? TraceLine.Kind.CAUSED_BY : TraceLine.Kind.SUPPRESSED;
            return new TraceLine(kind, indent(m.group(1)), m.group(3), m.group(4), null, 0, rawLine);
        }
        m = THREAD_HEADER.matcher(line);
        if (line.contains("xception") && (m.find() || (m = HANDLER_HEADER.matcher(line)).find())) {
            String rest = m.groupCount() > 1 ? m.group(2) : null;
            return new TraceLine(TraceLine.Kind.THREAD_HEADER, 0, m.group(1), rest, null, 0, rawLine);
        }
        m = TYPE_HEADER.matcher(line);
        if (m.find()) {
            return new TraceLine(TraceLine.Kind.TYPE_HEADER, 0, m.group(1), m.group(2), null, 0, rawLine);
        }
        return TraceLine.of(TraceLine.Kind.TEXT, rawLine);
    }

    /** Indentation level: a tab, or four spaces, is one level. */
    private static int indent(String whitespace) {
        int tabs = 0;
        int spaces = 0;
        for (int i = 0; i < whitespace.length(); i++) {
            if (whitespace.charAt(i) == '\t') {
                tabs++;
            } else {
                spaces++;
            }
        }
        return tabs + spaces / 4;
    }

    /** Builds a frame from {@code [loader/][module@version/]pkg.Class.method} and {@code File.java:12}; null if not one. */
    static JavaFrame frame(String qualified, String location, String rawLine) {
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

    /** Drops {@code app//}, {@code java.base@17.0.15/}, {@code jdk.proxy3/}, keeping hidden-class {@code /0x...} suffixes. */
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
