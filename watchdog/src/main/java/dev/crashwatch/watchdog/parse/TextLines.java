package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits pasted crash text into lines whatever their ends (LF, CRLF, CR, a literal {@code ^M}) and removes the
 * prefixes that logs, chats and terminals put in front of each line (timestamps, log levels, logcat tags, quote marks).
 */
public final class TextLines {
    private static final Pattern QUOTE = Pattern.compile("^(?:\\s{0,3}>)+ ?");
    private static final Pattern LOGCAT_BRIEF = Pattern.compile("^[\\t ]*[VDIWEFA]/[^:(]{1,64}(?:\\(\\s*\\d+\\))?: ?");
    private static final Pattern LOGCAT_THREADTIME =
            Pattern.compile("^[\\t ]*\\d\\d-\\d\\d\\s+\\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+\\s+\\d+\\s+[VDIWEFA]\\s+[^:]{1,64}: ?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^[\\t ]*\\[?\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?]? +"
                    + "(?:\\[[^\\]]{0,64}] +)?(?:(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE) +)?");

    private TextLines() {
    }

    /** Cheap test before the regular expressions: every prefix starts with '>', '[', a digit or a logcat letter and '/'. */
    private static boolean mayHavePrefix(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i >= line.length()) {
            return false;
        }
        char c = line.charAt(i);
        return c == '>' || c == '[' || Character.isDigit(c) || (i + 1 < line.length() && line.charAt(i + 1) == '/');
    }

    /**
     * The lines of {@code text}, with any line-end convention (LF, CRLF, CR, a literal {@code ^M} before any of them);
     * a leading byte-order mark is dropped.
     */
    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int i = start;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end = i;
            if (c == '^' && i + 1 < n && text.charAt(i + 1) == 'M') {
                i += 2;
                i += i < n && text.charAt(i) == '\r' ? 1 : 0;
                i += i < n && text.charAt(i) == '\n' ? 1 : 0;
            } else if (c == '\r') {
                i += i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == '\n') {
                i++;
            } else {
                i++;
                continue;
            }
            lines.add(text.substring(start, end));
            start = i;
        }
        lines.add(text.substring(start));
        return lines;
    }

    /** The line without log, logcat or quoting prefixes; leading whitespace (the indentation) is kept. */
    public static String withoutPrefix(String line) {
        if (!mayHavePrefix(line)) {
            return line;
        }
        String s = line;
        for (int round = 0; round < 4; round++) {
            String before = s;
            s = QUOTE.matcher(s).replaceFirst("");
            s = LOGCAT_THREADTIME.matcher(s).replaceFirst("");
            s = LOGCAT_BRIEF.matcher(s).replaceFirst("");
            s = TIMESTAMP.matcher(s).replaceFirst("");
            if (s.equals(before)) {
                break;
            }
        }
        return s;
    }
}
