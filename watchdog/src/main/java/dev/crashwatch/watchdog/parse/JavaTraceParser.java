package dev.crashwatch.watchdog.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses a Java stack trace as the JVM prints it ({@code Throwable.printStackTrace}) or as it arrives pasted from a
 * log, a bug report or logcat. Never throws: text with no trace in it is {@link Parsed#unparseable}.
 *
 * <p>A message is data: lines between an exception's header and its first frame are message lines, and so are
 * frame-shaped lines followed by more text before the trace's structure goes on (a JVM never prints text between
 * frames), and a {@code Caused by:} line met before the exception's own frames (a JVM prints frames first).
 */
public final class JavaTraceParser {
    /** Longest input read; the rest of a larger record is ignored. */
    static final int MAX_CHARS = 4 << 20;
    /** Most lines read: a 1024-frame overflow with causes is a few thousand lines. */
    static final int MAX_LINES = 50_000;

    /** Re-parses with a longer message at most this often before taking the longest message at once. */
    private static final int MAX_REWINDS = 8;

    private final List<TraceLine> lines;
    private final Deque<Level> open = new ArrayDeque<>();
    private boolean[] structureAfter;
    private ThrownException outermost;
    private ThrownException current;

    private JavaTraceParser(List<TraceLine> lines) {
        this.lines = lines;
    }

    /** An exception open at one indentation level (its cause chain continues at the same level). */
    private record Level(int indent, ThrownException last) {
    }

    /** Parses the first trace in {@code text}. */
    public static Parsed<JavaTrace> parse(String text) {
        try {
            if (text == null || text.isBlank()) {
                return Parsed.unparseable("empty input");
            }
            String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
            List<String> raw = TextLines.split(bounded);
            return new JavaTraceParser(WrappedLines.read(raw.subList(0, Math.min(raw.size(), MAX_LINES)))).run();
        } catch (RuntimeException | StackOverflowError e) {
            return Parsed.unparseable("parser failure: " + e.getClass().getSimpleName());
        }
    }

    private Parsed<JavaTrace> run() {
        int start = headerIndex();
        if (start < 0) {
            return Parsed.unparseable("no exception header followed by stack frames");
        }
        structureAfter = structureAfter();
        int messageUntil = start;
        for (int attempt = 0; ; attempt++) {
            int rewind = parseFrom(start, messageUntil);
            if (rewind < 0) {
                return Parsed.of(new JavaTrace(outermost));
            }
            messageUntil = attempt < MAX_REWINDS ? rewind : lastRewindCandidate(start);
        }
    }

    /**
     * Parses the trace whose header is line {@code start}, taking lines up to {@code messageUntil} as the outermost
     * exception's message. Returns -1 when done, or the index of a text line met after frames while the trace's
     * structure goes on (the frames before it were message text): the caller parses again with a longer message.
     */
    private int parseFrom(int start, int messageUntil) {
        TraceLine header = lines.get(start);
        outermost = new ThrownException(header.type(), header.rest());
        current = outermost;
        open.clear();
        open.push(new Level(0, outermost));
        for (int i = start + 1; i <= messageUntil; i++) {
            outermost.appendMessageLine(lines.get(i).text());
        }
        for (int i = messageUntil + 1; i < lines.size(); i++) {
            TraceLine line = lines.get(i);
            if (line.kind().isStructure()) {
                acceptStructure(line, header.indent());
            } else if (!current.hasBody()) {
                current.appendMessageLine(line.text());
            } else if (structureAfter[i]) {
                return i;
            } else {
                break;
            }
        }
        return -1;
    }

    private void acceptStructure(TraceLine line, int baseIndent) {
        switch (line.kind()) {
            case FRAME -> current.addFrame(line.frame());
            case MORE -> current.setFramesInCommon(line.count());
            default -> {
                if (!current.hasBody()) {
                    current.appendMessageLine(line.text());
                } else {
                    nest(line, Math.max(0, line.indent() - baseIndent));
                }
            }
        }
    }

    /** For each line: does trace structure follow it before another uncaught exception starts? */
    private boolean[] structureAfter() {
        boolean[] after = new boolean[lines.size()];
        boolean seen = false;
        for (int i = lines.size() - 1; i >= 0; i--) {
            after[i] = seen;
            TraceLine.Kind k = lines.get(i).kind();
            if (k == TraceLine.Kind.THREAD_HEADER) {
                seen = false;
            } else if (k.isStructure()) {
                seen = true;
            }
        }
        return after;
    }

    /** The last non-structure line that still has structure after it: the furthest a message can reach. */
    private int lastRewindCandidate(int start) {
        for (int i = lines.size() - 1; i > start; i--) {
            if (!lines.get(i).kind().isStructure() && structureAfter[i]) {
                return i;
            }
        }
        return start;
    }

    /**
     * The line that starts the trace: the first {@code Exception in thread} line; else the header nearest above the
     * first frame ({@code Caused by:} when a paste starts there, or a bare {@code Type: message} line).
     */
    private int headerIndex() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() == TraceLine.Kind.THREAD_HEADER) {
                return i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() == TraceLine.Kind.FRAME) {
                for (int h = i - 1; h >= 0 && h >= i - 200; h--) {
                    TraceLine.Kind k = lines.get(h).kind();
                    if (k == TraceLine.Kind.TYPE_HEADER || k == TraceLine.Kind.CAUSED_BY || k == TraceLine.Kind.SUPPRESSED) {
                        return h;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    private void nest(TraceLine line, int indent) {
        ThrownException nested = new ThrownException(line.type(), line.rest());
        if (line.kind() == TraceLine.Kind.CAUSED_BY) {
            while (open.size() > 1 && open.peek().indent() > indent) {
                open.pop();
            }
            Level level = open.pop();
            level.last().setCause(nested);
            open.push(new Level(level.indent(), nested));
        } else {
            while (open.size() > 1 && open.peek().indent() >= indent) {
                open.pop();
            }
            open.peek().last().addSuppressed(nested);
            open.push(new Level(Math.max(indent, open.peek().indent() + 1), nested));
        }
        current = nested;
    }
}
