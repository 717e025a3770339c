package dev.crashwatch.watchdog.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits pasted crash text into lines whatever their ends (LF, CRLF, CR, a literal {@code ^M}) and removes the
 * prefixes that logs, chats and terminals put in front of each line (timestamps, log levels, logcat tags, quote marks).
 */
public final class TextLines {
    private static final Pattern LINE_END = Pattern.compile("\\^M\\r?\\n?|\\r\\n|\\r|\\n");
    private static final Pattern QUOTE = Pattern.compile("^(?:\\s{0,3}>)+ ?");
    private static final Pattern LOGCAT_BRIEF = Pattern.compile("^[\\t ]*[VDIWEFA]/[^:(]{1,64}(?:\\(\\s*\\d+\\))?: ?");
    private static final Pattern LOGCAT_THREADTIME =
            Pattern.compile("^[\\t ]*\\d\\d-\\d\\d\\s+\\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+\\s+\\d+\\s+[VDIWEFA]\\s+[^:]{1,64}: ?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^[\\t ]*\\[?\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?]? +"
                    + "(?:\\[[^\\]]{0,64}] +)?(?:(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE) +)?");

    private TextLines() {
    }

    /** The lines of {@code text}, with any line-end convention. */
    public static List<String> split(String text) {
        return List.of(LINE_END.split(text, -1));
    }

    /** The line without log, logcat or quoting prefixes; leading whitespace (the indentation) is kept. */
    public static String withoutPrefix(String line) {
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
