package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of a trace that was hard-wrapped at a fixed column (a terminal, a mail, a console copy) and joins
 * each wrapped line again. The wrap column is the width most lines that go on in a non-structure line have, counted
 * in characters or in terminal columns (a tab to the next multiple of 8); it is believed when at least two lines have
 * it and hardly any line is wider, or when the widest line goes on in a short fragment without spaces that trace
 * structure follows (the one line wrapped). Quote marks a mail reply put before each wrapped line are dropped from the
 * continuation. A line of that width
 * is joined with the next unless the next starts a frame, a {@code Caused by:}, a {@code Suppressed:}, a {@code ... N
 * more}, an uncaught exception or is blank, or the join would turn a header into text; a closing backtick
 * alone on a line is joined with the line it closes. A line holding only a log prefix is joined with the next
 * when that has no prefix of its own (the rest of the wrapped line). Whatever the width, a line
 * holding a frame cut short is joined with the next when that completes the frame.
 */
final class WrappedLines {
    /** Narrower "wraps" are not believed: no terminal or mail wraps a trace that short. */
    private static final int MIN_WIDTH = 40;
    /** A frame cut short is looked for in at most this many following lines. */
    private static final int MAX_CHUNKS = 4;
    /**
     * Longest line joining goes on to: a wrapped frame or header is far shorter, and a long wrapped message needs no
     * joining (this keeps 20,000 lines of one width from costing a quadratic join).
     */
    private static final int MAX_JOINED = 2048;
    /** Most wrapped lines joined into one. */
    private static final int MAX_JOINED_CHUNKS = 8;
    /** Longest rest of a line that was the only one wrapped. */
    private static final int MAX_FRAGMENT = 40;
    private static final List<String> STRUCTURE_STARTS =
            List.of("at ", "Caused by", "Suppressed:", "... ", "Exception in thread");
    private static final Pattern QUOTE = Pattern.compile("^(?:[\\t ]{0,3}>)+ ?");

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
            String quote = quote(raw.get(i));
            String chunk = raw.get(i);
            for (int chunks = 1; i + 1 < lines.size() && line.text().length() < MAX_JOINED && chunks < MAX_JOINED_CHUNKS;
                    chunks++) {
                int taken = 1;
                TraceLine joined = atWidthJoin(line, chunk, continuation(quote, raw.get(i + 1)), lines.get(i + 1),
                        width, display);
                if (joined == null) {
                    joined = completedHeader(line, lines.get(i + 1), continuation(quote, raw.get(i + 1)));
                }
                if (joined == null) {
                    for (taken = 1; taken <= MAX_CHUNKS && i + taken < lines.size() && joined == null; taken++) {
                        joined = completedFrame(line, raw, lines, quote, i, taken);
                    }
                    taken--;
                }
                if (joined == null) {
                    break;
                }
                i += taken;
                line = joined;
                chunk = raw.get(i);
            }
            out.add(line);
        }
        return out;
    }

    /** The next line without the quote marks a mail reply put before it, when the line before has them too. */
    private static String continuation(String quote, String next) {
        String nextQuote = quote(next);
        return !nextQuote.isEmpty() && next.startsWith(nextQuote) && quote.startsWith(nextQuote)
                ? next.substring(nextQuote.length()) : next;
    }

    /** The line joined with the next when the line is as wide as the wrap, or null when the next stands on its own. */
    private static TraceLine atWidthJoin(TraceLine line, String lastChunk, String continuation, TraceLine next,
                                         int width, boolean display) {
        String text = line.text();
        boolean prefixOnly = line.kind() == TraceLine.Kind.BLANK && TextLines.isLogPrefixOnly(text)
                && !continuation.isBlank() && !TextLines.hasLogPrefix(continuation);
        if (prefixOnly) {
            return TraceLineReader.read(text + continuation);
        }
        boolean closingTick = !continuation.isBlank() && continuation.strip().chars().allMatch(c -> c == '`');
        String unquoted = text.substring(quote(text).length()).strip();
        if (closingTick && (ticksBefore(unquoted) > 0 && ticksAfter(unquoted) == 0
                || atWidth(lastChunk, width, display))) {
            return TraceLineReader.read(text + continuation);
        }
        if (!atWidth(lastChunk, width, display)) {
            return null;
        }
        if (next.kind() == TraceLine.Kind.BLANK || startsStructure(next)) {
            return null;
        }
        TraceLine joined = TraceLineReader.read(text + continuation);
        boolean headerLost = next.kind() == TraceLine.Kind.TYPE_HEADER && joined.kind() == TraceLine.Kind.TEXT
                && !isCutFrame(line);
        return headerLost ? null : joined;
    }

    /** The frame that the line cut short and the next {@code count} lines make, or null when they make none. */
    private static TraceLine completedFrame(TraceLine line, List<String> raw, List<TraceLine> lines, String quote,
                                            int at, int count) {
        if (!isCutFrame(line)) {
            return null;
        }
        StringBuilder text = new StringBuilder(line.text());
        for (int k = 1; k <= count; k++) {
            TraceLine next = lines.get(at + k);
            if (next.kind() == TraceLine.Kind.BLANK || startsStructure(next)) {
                return null;
            }
            text.append(continuation(quote, raw.get(at + k)));
        }
        TraceLine joined = TraceLineReader.read(text.toString());
        return joined.kind() == TraceLine.Kind.FRAME ? joined : null;
    }

    /**
     * The header whose type the line cut short ({@code ...IllegalStateExc} + {@code eption: shared}), or null: the
     * line ends in the type, the next line goes on with an identifier that is not a type of its own and has no log
     * prefix, and the two make a header of the same kind.
     */
    private static TraceLine completedHeader(TraceLine line, TraceLine next, String continuation) {
        boolean header = line.kind() == TraceLine.Kind.THREAD_HEADER || line.kind() == TraceLine.Kind.CAUSED_BY
                || line.kind() == TraceLine.Kind.SUPPRESSED || line.kind() == TraceLine.Kind.TYPE_HEADER;
        String text = line.text();
        boolean simpleTypeNext = next.kind() == TraceLine.Kind.TYPE_HEADER && next.type().indexOf('.') < 0;
        if (!header || line.rest() != null || next.kind() != TraceLine.Kind.TEXT && !simpleTypeNext || text.isEmpty()
                || continuation.isEmpty() || !Character.isJavaIdentifierPart(text.charAt(text.length() - 1))
                || !Character.isJavaIdentifierStart(continuation.charAt(0))
                || TextLines.hasLogPrefix(continuation)) {
            return null;
        }
        TraceLine joined = TraceLineReader.read(text + continuation);
        return joined.kind() == line.kind() ? joined : null;
    }

    private static boolean isCutFrame(TraceLine line) {
        return line.kind() != TraceLine.Kind.FRAME && line.text().contains("at ");
    }

    /** True for a line that starts trace structure, even when wrapping cut it short ({@code \tat org.hibernate.pro}). */
    private static boolean startsStructure(TraceLine line) {
        if (line.kind().isStructure() || line.kind() == TraceLine.Kind.THREAD_HEADER) {
            return true;
        }
        String s = TextLines.withoutPrefix(line.text()).stripLeading();
        for (String start : STRUCTURE_STARTS) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The wrap column and how many lines of that width go on in a non-structure line; {-1, 0} when the text does
     * not look wrapped: fewer than two such lines, or more than a few lines wider than the column.
     */
    private static int[] wrapWidth(List<String> raw, List<TraceLine> lines, boolean display) {
        Map<Integer, Integer> goingOn = new HashMap<>();
        int[] widths = new int[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            String r = raw.get(i);
            widths[i] = measure(r, 0, r.length(), display);
            int unticked = measure(r, ticksBefore(r), r.length() - ticksAfter(r), display);
            TraceLine next = i + 1 < raw.size() ? lines.get(i + 1) : null;
            if (widths[i] >= MIN_WIDTH && next != null && next.kind() != TraceLine.Kind.BLANK && !startsStructure(next)) {
                goingOn.merge(widths[i], 1, Integer::sum);
                if (unticked != widths[i]) {
                    goingOn.merge(unticked, 1, Integer::sum);
                }
            }
        }
        int best = -1;
        int count = 0;
        for (Map.Entry<Integer, Integer> e : goingOn.entrySet()) {
            if (e.getValue() > count || e.getValue() == count && e.getKey() > best) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        int wider = 0;
        for (int w : widths) {
            wider += w > best ? 1 : 0;
        }
        if (count >= 2 && wider <= Math.max(2, raw.size() / 50)) {
            return new int[] {best, count};
        }
        return widestGoesOnInAFragment(raw, lines, widths);
    }

    /**
     * A text where only one line was wrapped: the widest line goes on in a short fragment without spaces (the end of
     * a logger's suffix, {@code .31]}) that trace structure follows. {-1, 0} when not.
     */
    private static int[] widestGoesOnInAFragment(List<String> raw, List<TraceLine> lines, int[] widths) {
        int widest = 0;
        for (int w : widths) {
            widest = Math.max(widest, w);
        }
        for (int i = 0; i + 1 < raw.size() && widest >= MIN_WIDTH; i++) {
            String next = continuation(quote(raw.get(i)), raw.get(i + 1)).strip();
            boolean fragment = lines.get(i + 1).kind() == TraceLine.Kind.TEXT && !next.isEmpty()
                    && next.length() <= MAX_FRAGMENT && next.chars().noneMatch(Character::isWhitespace);
            boolean structureAfter = i + 2 >= raw.size() || startsStructure(lines.get(i + 2));
            if (widths[i] == widest && fragment && structureAfter) {
                return new int[] {widest, 1};
            }
        }
        return new int[] {-1, 0};
    }

    /** The quote marks the line starts with (after a markdown backtick), or "". */
    private static String quote(String line) {
        int from = 0;
        while (from < line.length() && line.charAt(from) == '`') {
            from++;
        }
        if (from >= line.length() || line.charAt(from) != '>' && line.charAt(from) != ' ') {
            return "";
        }
        Matcher m = QUOTE.matcher(line.substring(from));
        return m.find() ? m.group() : "";
    }

    /** True when the line is as wide as the wrap, with or without backticks a markdown paste put around the block. */
    private static boolean atWidth(String line, int width, boolean display) {
        if (width <= 0) {
            return false;
        }
        return measure(line, 0, line.length(), display) == width
                || measure(line, ticksBefore(line), line.length() - ticksAfter(line), display) == width;
    }

    private static int ticksBefore(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return n;
    }

    private static int ticksAfter(String line) {
        int n = 0;
        while (n < line.length() - ticksBefore(line) && line.charAt(line.length() - 1 - n) == '`') {
            n++;
        }
        return n;
    }

    private static int measure(String line, int from, int to, boolean display) {
        if (!display) {
            return to - from;
        }
        int width = 0;
        for (int i = from; i < to; i++) {
            width = line.charAt(i) == '\t' ? (width / 8 + 1) * 8 : width + 1;
        }
        return width;
    }
}
