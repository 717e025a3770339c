package dev.crashwatch.watchdog.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies single lines of a Java stack trace: frame, header, {@code Caused by:}, {@code ... N more} or text. */
final class TraceLineReader {
    /** An identifier, matched possessively: a line of one 60,000-letter word must not cost a backtrack per letter. */
    private static final String IDENT = "[\\p{L}_$][\\p{L}\\p{N}_$]*+";
    /** At most 255 dots: a longer run is no type, and an unbounded group would recurse once per dot. */
    private static final String QUALIFIED = IDENT + "(?:\\." + IDENT + "){1,255}";
    /** A type: a qualified name, or a simple name that says it is a throwable. */
    static final String TYPE = "(?:" + QUALIFIED + "|" + IDENT + "(?<=Exception|Error|Throwable))";
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

    private TraceLineReader() {
    }

    static TraceLine read(String rawLine) {
        String line = TextLines.withoutPrefix(rawLine);
        if (line.isBlank()) {
            return TraceLine.of(TraceLine.Kind.BLANK, rawLine);
        }
        JavaFrame frame = FrameLineReader.read(line, rawLine);
        if (frame != null) {
            return new TraceLine(TraceLine.Kind.FRAME, 0, null, null, frame, 0, rawLine);
        }
        return header(line, rawLine);
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

    /**
     * Indentation as a width: a tab reaches the next multiple of 8 columns, a space is one. Only the order of widths
     * matters, so tabs, 8, 4 or 2 spaces per level all read alike as long as one paste uses one of them.
     */
    private static int indent(String whitespace) {
        int width = 0;
        for (int i = 0; i < whitespace.length(); i++) {
            width = whitespace.charAt(i) == '\t' ? (width / 8 + 1) * 8 : width + 1;
        }
        return width;
    }
}
