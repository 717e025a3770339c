package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a HotSpot fatal error log (hs_err, JDK 8 to 25, any vendor), whole, cut short, quoted ({@code # }, {@code > })
 * or only partly pasted. Reads only the header's error kind and the crashing thread's frames. Never throws.
 */
public final class FatalErrorLogParser {
    private static final Pattern SIGNAL = Pattern.compile("^(SIG[A-Z0-9]+|EXCEPTION_[A-Z_]+) \\(0x\\p{XDigit}+\\)");
    private static final Pattern INTERNAL = Pattern.compile("^Internal Error \\(([^):]+)");
    private static final Pattern OOM_ENCOUNTERED = Pattern.compile("OutOfMemory encountered: ([A-Za-z ]{1,60}?)\\s*$");
    private static final Pattern OUT_OF_MEMORY = Pattern.compile(
            "^(?:Out of Memory Error \\(|There is insufficient memory for the Java Runtime Environment)");
    private static final Pattern QUOTE = Pattern.compile("^(?:\\s{0,3}[>#])*\\s?");
    /** Header lines that only a fatal error report has ({@code SIGSEGV (0xb) at pc=}, {@code Internal Error (}). */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*(?:[>#]\\s*)*(?:(?:SIG[A-Z]+|EXCEPTION_[A-Z_]+) \\(0x\\p{XDigit}+\\) at pc=|Internal Error \\()",
            Pattern.MULTILINE);

    /** Longest input read: the header and the crashing thread come first; the process and system sections are skipped. */
    private static final int MAX_CHARS = 4 << 20;

    private FatalErrorLogParser() {
    }

    /** True when the text looks like (part of) a fatal error log rather than a Java stack trace. */
    public static boolean looksLikeFatalErrorLog(String text) {
        if (text == null) {
            return false;
        }
        String head = text.length() > 1 << 20 ? text.substring(0, 1 << 20) : text;
        if (head.contains("A fatal error has been detected by the Java Runtime Environment")
                || head.contains("Problematic frame:") || head.contains(" frames: (J=compiled Java code")) {
            return true;
        }
        return (head.contains(") at pc=") || head.contains("Internal Error (")) && HEADER_LINE.matcher(head).find();
    }

    /** Parses the log; unparseable when neither an error kind nor any frame can be read. */
    public static Parsed<FatalErrorLog> parse(String text) {
        try {
            if (text == null) {
                return Parsed.unparseable("empty input");
            }
            boolean complete = text.stripTrailing().endsWith("END.");
            return read(TextLines.split(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text), complete);
        } catch (RuntimeException | StackOverflowError e) {
            return Parsed.unparseable("parser failure: " + e.getClass().getSimpleName());
        }
    }

    private static Parsed<FatalErrorLog> read(List<String> rawLines, boolean complete) {
        String kind = null;
        NativeFrame problematic = null;
        List<NativeFrame> nativeFrames = new ArrayList<>();
        List<NativeFrame> javaFrames = new ArrayList<>();
        List<NativeFrame> section = null;
        boolean expectProblematic = false;
        for (String raw : rawLines) {
            if (raw.contains("P R O C E S S")) {
                break;
            }
            String line = unquoted(TextLines.withoutPrefix(raw));
            if (expectProblematic) {
                problematic = NativeFrameReader.read(line, raw);
                expectProblematic = false;
                continue;
            }
            if (section != null) {
                NativeFrame frame = NativeFrameReader.read(line, raw);
                if (frame != null) {
                    section.add(frame);
                    continue;
                }
                section = null;
            }
            if (line.startsWith("Problematic frame:")) {
                expectProblematic = true;
            } else if (line.startsWith("Native frames:") && nativeFrames.isEmpty()) {
                section = nativeFrames;
            } else if (line.startsWith("Java frames:") && javaFrames.isEmpty()) {
                section = javaFrames;
            } else if (kind == null || line.contains("OutOfMemory encountered")) {
                kind = refineKind(kind, line);
            }
        }
        if (kind == null && problematic == null && nativeFrames.isEmpty() && javaFrames.isEmpty()) {
            return Parsed.unparseable("no error kind and no frames in the fatal error log");
        }
        return Parsed.of(new FatalErrorLog(kind == null ? FatalErrorLog.UNKNOWN_KIND : kind, problematic,
                List.copyOf(nativeFrames), List.copyOf(javaFrames), complete));
    }

    /**
     * The line without hs_err's own {@code # } and quote marks, stripped. The regular expression runs only on
     * lines that start with one: most lines don't, and a cold regular expression per line of a 1000-line log
     * is much of the time from a native crash to its counter.
     */
    private static String unquoted(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.charAt(0) != '#' && stripped.charAt(0) != '>') {
            return stripped;
        }
        return QUOTE.matcher(line).replaceFirst("").strip();
    }

    /** The error kind from a header line; an OOM line turns an {@code Internal Error} into an OutOfMemoryError. */
    private static String refineKind(String kind, String line) {
        Matcher m = OOM_ENCOUNTERED.matcher(line);
        if (m.find() && (kind == null || kind.startsWith("Internal Error"))) {
            return "OutOfMemoryError: " + m.group(1);
        }
        if (kind != null) {
            return kind;
        }
        if ((m = SIGNAL.matcher(line)).find()) {
            return line.contains("(sent by kill)") ? m.group(1) + FatalErrorLog.SENT_BY_KILL : m.group(1);
        }
        if ((m = INTERNAL.matcher(line)).find()) {
            String file = m.group(1).strip();
            return "Internal Error (" + file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) + ")";
        }
        if (OUT_OF_MEMORY.matcher(line).find()) {
            return "Out of Memory Error";
        }
        return null;
    }
}
