package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import dev.crashwatch.watchdog.parse.JavaTraceParser;
import dev.crashwatch.watchdog.parse.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One way a person may paste a corpus trace: cut below the 16 frames of the exception that names it (with or without
 * its {@code ... N more} lines, with or without the outer exceptions), then with chrome around and inside it. {@link
 * #apply} builds the text; every choice keeps the crash's name.
 *
 * @param file       the corpus file
 * @param cut        where to cut, as a fraction (0 to 1) of the lines that may go
 * @param dropMore   remove every {@code ... N more} line left
 * @param dropOuter  start the paste at the naming exception's own header (only where it has 16 frames of its own)
 * @param chrome     what is put around and inside the text
 */
record PastedTrace(String file, double cut, boolean dropMore, boolean dropOuter, Chrome chrome) {
    private static final int MIN_AFTER_PREFIX = 30;
    private static final Pattern FRAME = Pattern.compile("(?:^|\\s)at \\S.*\\)");
    private static final Pattern MORE = Pattern.compile("\\.\\.\\. \\d+ (?:more|common frames omitted)");
    private static final Pattern HEADER = Pattern.compile("^(?:.*: )?(?:Caused by: |Exception in thread |\\S+(?:Exception|Error)\\b)");

    /**
     * What is put around and inside a pasted trace.
     *
     * @param indent     spaces for each leading tab (0 keeps the tab)
     * @param html       HTML-escaped ({@code &lt;init&gt;}, {@code &quot;main&quot;})
     * @param prefix     put before every line
     * @param quote      quote marks put before every line, or "": after a mail wraps it, before a terminal does
     * @param block      markdown around the block
     * @param wrapAt     column where each line is hard-wrapped, 0 for none
     * @param columns    the column counts a tab up to the next multiple of 8 (a terminal), else as one character
     * @param lineEnd    line ends
     * @param talk       text before and after the trace
     */
    record Chrome(int indent, boolean html, String prefix, String quote, Block block, int wrapAt, boolean columns,
                  String lineEnd, boolean talk) {
        @Override
        public String toString() {
            return "indent=" + indent + " html=" + html + " prefix='" + prefix + "' quote='" + quote + "' block=" + block
                    + " wrapAt=" + wrapAt + (columns ? " (columns)" : "") + " lineEnd=" + lineEnd.replace("\r", "\\r")
                    .replace("\n", "\\n") + " talk=" + talk;
        }
    }

    /** Markdown around a pasted block. */
    enum Block { NONE, FENCE, FENCE_JAVA, INLINE, INLINE_EACH_LINE }

    String apply() {
        List<String> lines = new ArrayList<>(List.of(Corpus.text(file).split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines = cut(lines);
        List<String> out = new ArrayList<>();
        int wrapAt = chrome.wrapAt() > 0 ? Math.max(chrome.wrapAt(), widestPrefix(lines) + MIN_AFTER_PREFIX) : 0;
        for (String line : lines) {
            String l = chrome.indent() > 0 ? reindent(line, chrome.indent()) : line;
            l = chrome.html() ? l.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") : l;
            l = chrome.prefix() + l;
            l = chrome.block() == Block.INLINE_EACH_LINE ? "`" + l + "`" : l;
            l = chrome.columns() ? chrome.quote() + l : l;
            out.addAll(wrapAt > 0 ? wrap(l, wrapAt, chrome.columns()) : List.of(l));
        }
        if (!chrome.columns()) {
            out.replaceAll(l -> chrome.quote() + l);
        }
        switch (chrome.block()) {
            case FENCE -> { out.add(0, "```"); out.add("```"); }
            case FENCE_JAVA -> { out.add(0, "```java"); out.add("```"); }
            case INLINE -> { out.set(0, "`" + out.get(0)); out.set(out.size() - 1, out.get(out.size() - 1) + "`"); }
            default -> { }
        }
        if (chrome.talk()) {
            out.addAll(0, List.of("Since the upgrade we see this on every start:", ""));
            out.addAll(List.of("", "Any idea? Thanks!"));
        }
        return String.join(chrome.lineEnd(), out) + chrome.lineEnd();
    }

    /**
     * The lines kept: those above the cut. The naming exception is found as the last header followed by frames, and
     * checked against the parser's own choice (a crafted message holding fake frames and causes would fool a text
     * search; there the trace is not cut).
     */
    private List<String> cut(List<String> lines) {
        int header = -1;
        int firstFrame = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).find() && !FRAME.matcher(lines.get(i)).find()) {
                int f = i + 1;
                while (f < lines.size() && !FRAME.matcher(lines.get(f)).find() && !HEADER.matcher(lines.get(f)).find()) {
                    f++;
                }
                if (f < lines.size() && FRAME.matcher(lines.get(f)).find()) {
                    header = i;
                    firstFrame = f;
                }
            }
        }
        if (header < 0 || !firstFrame(lines).equals(lines.get(firstFrame))) {
            return lines;
        }
        int own = 0;
        int end = firstFrame;
        int sixteenth = -1;
        while (end < lines.size()) {
            int span = frameLines(lines, end);
            if (span == 0) {
                break;
            }
            end += span;
            own++;
            sixteenth = own == FrameBudget.FRAMES ? end : sixteenth;
        }
        int from = own >= FrameBudget.FRAMES ? sixteenth : end;
        for (int i = from; i < lines.size(); i++) {
            if (TextLines.withoutPrefix(lines.get(i)).startsWith("Caused by: ")) {
                from = i + 1;
            }
        }
        int keep = from + (int) Math.round(cut * (lines.size() - from));
        List<String> kept = new ArrayList<>(lines.subList(own >= FrameBudget.FRAMES && dropOuter ? header : 0, keep));
        if (dropMore) {
            kept.removeIf(l -> MORE.matcher(l).find() && !FRAME.matcher(l).find());
        }
        return kept;
    }

    /** How many lines the frame at {@code at} takes: 1, 2 when the file itself wrapped it, 0 when none is there. */
    private static int frameLines(List<String> lines, int at) {
        if (FRAME.matcher(lines.get(at)).find()) {
            return 1;
        }
        boolean wrapped = at + 1 < lines.size() && lines.get(at).contains("at ")
                && FRAME.matcher(lines.get(at) + lines.get(at + 1).replaceFirst("^> ", "")).find();
        return wrapped ? 2 : 0;
    }

    /** The input line of the first frame of the naming exception, as the parser sees it. */
    private String firstFrame(List<String> lines) {
        var trace = JavaTraceParser.parse(String.join("\n", lines));
        if (!trace.isParsed()) {
            return "";
        }
        List<JavaFrame> frames = CauseChoice.choose(trace.value(), Explanation.QUIET).frames();
        return frames.isEmpty() ? "" : frames.get(0).text();
    }

    /**
     * The widest prefix a line will have (the file's own, such as logcat's, and the chrome's): a terminal or a mail
     * is always wider than that by {@value #MIN_AFTER_PREFIX} columns.
     */
    private int widestPrefix(List<String> lines) {
        int widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, line.length() - TextLines.withoutPrefix(line).stripLeading().length());
        }
        return widest + chrome.prefix().length() + chrome.quote().length() + 8;
    }

    private static String reindent(String line, int spaces) {
        int tabs = 0;
        while (tabs < line.length() && line.charAt(tabs) == '\t') {
            tabs++;
        }
        return " ".repeat(spaces * tabs) + line.substring(tabs);
    }

    /** The line hard-wrapped at {@code width} characters or terminal columns. */
    static List<String> wrap(String line, int width, boolean columns) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int next = c == '\t' && columns ? (col / 8 + 1) * 8 : col + 1;
            if (next > width) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
                col = 0;
                next = c == '\t' && columns ? 8 : 1;
            }
            chunk.append(c);
            col = next;
        }
        chunks.add(chunk.toString());
        return chunks;
    }
}
