package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits pasted crash text into lines whatever their ends (LF, CRLF, CR, a literal {@code ^M}) and removes the chrome
 * that logs, chats, web pages and terminals put around each line: quote marks, markdown fences and backticks, HTML
 * escapes, and log prefixes ({@link LogPrefixes}). What is left is the line as the JVM printed it.
 */
public final class TextLines {
    private static final Pattern QUOTE = Pattern.compile("^(?:[\\t ]{0,3}>)+ ?");
    private static final Pattern FENCE = Pattern.compile("^[\\t ]*(?:```|~~~)[\\w+#.-]*[\\t ]*$");

    private TextLines() {
    }

    /**
     * The lines of {@code text}, with any line-end convention (LF, CRLF, CR, CR CR LF from converting CRLF twice, a
     * literal {@code ^M} before any of them); a leading byte-order mark is dropped.
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
                i += text.startsWith("\r\n", i + 1) ? 3 : text.startsWith("\n", i + 1) ? 2 : 1;
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

    /**
     * The line without chrome: HTML escapes undone, then, in any order and nesting, {@code > } quoting, markdown
     * backticks (a fence line becomes blank) and log prefixes. Leading whitespace after them (the indentation) is kept.
     */
    public static String withoutPrefix(String line) {
        String s = line.indexOf('&') >= 0 || line.indexOf('\u00A0') >= 0 ? HtmlText.unescape(line) : line;
        for (int round = 0; round < 6; round++) {
            int i = firstNonBlank(s);
            if (i >= s.length()) {
                return s;
            }
            char c = s.charAt(i);
            String before = s;
            if (c == '>') {
                s = QUOTE.matcher(s).replaceFirst("");
            } else if (c == '`' || c == '~') {
                s = FENCE.matcher(s).matches() ? "" : withoutBackticks(s, i);
            } else if (LogPrefixes.mayStartOne(s, i)) {
                s = LogPrefixes.removeOne(s);
            }
            if (s.equals(before)) {
                break;
            }
        }
        return s.indexOf('`') >= 0 ? withoutTrailingBackticks(s) : s;
    }

    /** True for a line that holds a log prefix and nothing else (a wrapped line's first part, say). */
    static boolean isLogPrefixOnly(String line) {
        String s = QUOTE.matcher(line).replaceFirst("");
        return hasLogPrefix(s) && LogPrefixes.removeOne(s).isBlank();
    }

    /** True for a line that starts with a log prefix. */
    static boolean hasLogPrefix(String line) {
        int i = firstNonBlank(line);
        return i < line.length() && LogPrefixes.mayStartOne(line, i) && !LogPrefixes.removeOne(line).equals(line);
    }

    /** Drops the backticks that open inline code ({@code `at a.B.c(B.java:1)`}), keeping the whitespace before them. */
    private static String withoutBackticks(String s, int at) {
        int end = at;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        return end == at ? s : s.substring(0, at) + s.substring(end);
    }

    private static String withoutTrailingBackticks(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int ticks = end;
        while (ticks > 0 && s.charAt(ticks - 1) == '`') {
            ticks--;
        }
        return ticks == end ? s : s.substring(0, ticks);
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
