package dev.crashwatch.watchdog.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the prefix a log, a container runtime, a CI system or syslog puts in front of every line of a pasted
 * trace: a date and time (or a time alone), then any of a {@code [thread]}, a {@code (thread)}, a log level, a pid,
 * {@code ---}, {@code |}, a container stream tag ({@code stderr F}) and a logger name ending in {@code  - } or
 * {@code  : }; or a syslog head ({@code Nov 23 13:50:12 host java[1234]: }); or an Android logcat tag. The prefix and
 * one space after it are removed; further whitespace is the trace's own indentation and stays. Every repetition is
 * bounded (at most 8 tokens after the time): a hostile line must not make the matcher recurse without end.
 */
final class LogPrefixes {
    private static final String LEVEL =
            "(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL|CONFIG|FINE|FINER|FINEST)";
    private static final Pattern TIMESTAMPED = Pattern.compile(
            "^[\\t ]*\\[?(?:\\d{4}[-/]\\d\\d[-/]\\d\\d[T ])?\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?]?"
                    + "(?: +(?:stdout|stderr) [FP])?"
                    + "(?: +(?:\\[[^\\]]{0,80}]|\\([^)]{0,80}\\)|" + LEVEL + "|\\d{1,10}(?= +(?:---|\\[|\\(|\\|))|---|\\|)){0,8}"
                    + "(?: +[\\p{L}\\p{N}_$.\\[\\]/]{1,120}(?: -| :))?"
                    + "(?: |$)");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\\d{1,2} \\d\\d:\\d\\d:\\d\\d \\S{1,64} "
                    + "[\\p{L}\\p{N}_.\\-/]{1,64}(?:\\[\\d{1,10}])?:(?: |$)");
    private static final Pattern LOGCAT_BRIEF = Pattern.compile("^[\\t ]*[VDIWEFA]/[^:(]{1,64}(?:\\(\\s*\\d+\\))?: ?");
    private static final Pattern LOGCAT_THREADTIME =
            Pattern.compile("^[\\t ]*\\d\\d-\\d\\d\\s+\\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+\\s+\\d+\\s+[VDIWEFA]\\s+[^:]{1,64}: ?");

    private LogPrefixes() {
    }

    /** Cheap test before the regular expressions: a prefix starts with '[', a digit, a month or a logcat letter and '/'. */
    static boolean mayStartOne(String line, int i) {
        char c = line.charAt(i);
        if (c == '[' || c >= '0' && c <= '9') {
            return true;
        }
        if (i + 1 < line.length() && line.charAt(i + 1) == '/') {
            return true;
        }
        return i + 3 < line.length() && Character.isUpperCase(c) && line.charAt(i + 3) == ' '
                && Character.isLowerCase(line.charAt(i + 1));
    }

    /** The line without one log prefix, or the line itself when it has none. */
    static String removeOne(String line) {
        for (Pattern p : new Pattern[] {LOGCAT_THREADTIME, TIMESTAMPED, SYSLOG, LOGCAT_BRIEF}) {
            Matcher m = p.matcher(line);
            if (m.find() && m.end() > 0 && !line.substring(0, m.end()).isBlank()) {
                return line.substring(m.end());
            }
        }
        return line;
    }
}
