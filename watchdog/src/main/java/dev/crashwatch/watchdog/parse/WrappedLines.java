package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a trace that was hard-wrapped at a fixed column (a terminal, a mail, a console copy) and joins
 * each wrapped line again. The wrap column is the longest line's width, counted in characters or in terminal columns
 * (a tab to the next multiple of 8), when at least two lines of that width go on in a line that is not trace
 * structure. A line of that width is joined with the next unless the next starts a frame, a {@code Caused by:}, a
 * {@code Suppressed:}, a {@code ... N more}, an uncaught exception or is blank, or the join would turn a header into
 * text. Whatever the width, a line holding a frame cut short is joined with the next when that completes the frame.
 */
final class WrappedLines {
    /** Narrower "wraps" are not believed: no terminal or mail wraps a trace that short. */
    private static final int MIN_WIDTH = 40;

    private WrappedLines() {
    }

    /** The classified lines of {@code raw}, wrapped lines joined. */
    static List<TraceLine> read(List<String> raw) {
        List<TraceLine> lines = new ArrayList<>(raw.size());
        for (String r : raw) {
            lines.add(TraceLineReader.read(r));
        }
        int[] chars = wrapWidth(raw, lines, false);
        int[] columns = wrapWidth(raw, lines, true);
        boolean display = columns[1] > chars[1];
        int width = display ? columns[0] : chars[0];
        List<TraceLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            TraceLine line = lines.get(i);
            String text = raw.get(i);
            String chunk = text;
            while (i + 1 < lines.size()) {
                TraceLine joined = joined(line, text, chunk, raw.get(i + 1), lines.get(i + 1), width, display);
                if (joined == null) {
                    break;
                }
                i++;
                line = joined;
                text = joined.text();
                chunk = raw.get(i);
            }
            out.add(line);
        }
        return out;
    }

    /** The line joined with the next, or null when the next line stands on its own. */
    private static TraceLine joined(TraceLine line, String text, String lastChunk, String nextRaw, TraceLine next,
                                    int width, boolean display) {
        if (next.kind() == TraceLine.Kind.BLANK || startsStructure(next)) {
            return null;
        }
        boolean cutFrame = line.kind() != TraceLine.Kind.FRAME && text.contains("at ");
        boolean atWidth = width > 0 && measure(lastChunk, display) == width;
        if (!cutFrame && !atWidth) {
            return null;
        }
        TraceLine joined = TraceLineReader.read(text + nextRaw);
        if (atWidth) {
            boolean headerLost = next.kind() == TraceLine.Kind.TYPE_HEADER && joined.kind() == TraceLine.Kind.TEXT;
            return headerLost ? null : joined;
        }
        return joined.kind() == TraceLine.Kind.FRAME ? joined : null;
    }

    private static boolean startsStructure(TraceLine line) {
        return line.kind().isStructure() || line.kind() == TraceLine.Kind.THREAD_HEADER;
    }

    /**
     * The wrap column and how many lines of that width go on in a non-structure line; the column is -1 when fewer
     * than two do (the text does not look wrapped).
     */
    private static int[] wrapWidth(List<String> raw, List<TraceLine> lines, boolean display) {
        int max = 0;
        for (String r : raw) {
            max = Math.max(max, measure(r, display));
        }
        int goingOn = 0;
        for (int i = 0; i + 1 < raw.size() && max >= MIN_WIDTH; i++) {
            TraceLine next = lines.get(i + 1);
            if (measure(raw.get(i), display) == max && next.kind() != TraceLine.Kind.BLANK && !startsStructure(next)) {
                goingOn++;
            }
        }
        return goingOn >= 2 ? new int[] {max, goingOn} : new int[] {-1, 0};
    }

    private static int measure(String line, boolean display) {
        if (!display) {
            return line.length();
        }
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            width = line.charAt(i) == '\t' ? (width / 8 + 1) * 8 : width + 1;
        }
        return width;
    }
}
