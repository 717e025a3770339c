package dev.crashwatch.watchdog.signature;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Ways a crash text gets mangled on its way into a bug report, a CI log or a chat: each must keep the name. */
enum PasteVariants {
    CRLF(t -> t.replace("\n", "\r\n"), true, true),
    CR_ONLY(t -> t.replace("\n", "\r"), true, true),
    LITERAL_CARET_M(t -> t.replace("\n", "^M\n"), true, true),
    QUOTED(t -> eachLine(t, l -> "> " + l), true, true),
    LEADING_TAB(t -> eachLine(t, l -> "\t" + l), true, false),
    TIMESTAMPED(t -> eachLine(t, l -> "2026-11-23T13:50:12.123Z ERROR " + l), true, false),
    SHELL_PROMPTS(t -> "$ java -jar app.jar\n" + t + "$ echo $?\n1\n", true, true),
    GLUED_IN_FRONT(t -> "12:00:01 [job] worker log line " + t, true, false),
    LOGBACK_SUFFIX(t -> eachLine(t, l -> l.contains("\tat ") ? l + " ~[app-1.2.jar:1.2]" : l), true, false),
    LOG4J_SUFFIX(t -> eachLine(t, l -> l.contains("\tat ") ? l + " ~[?:?]" : l), true, false),
    SPACE_BEFORE_PAREN(t -> t.replaceAll("(\\tat [^(\\s]+)\\(", "$1 ("), true, false),
    ABSOLUTE_PATHS(t -> t.replaceAll("\\(([A-Za-z0-9_$]+\\.java:\\d+)\\)", "(/home/secret-dev/src/$1)"), true, false),
    CUT_AFTER_FRAMES(PasteVariants::cutAfterFrames, false, true);

    private final UnaryOperator<String> change;
    private final boolean forTraces;
    private final boolean forFatalLogs;

    PasteVariants(UnaryOperator<String> change, boolean forTraces, boolean forFatalLogs) {
        this.change = change;
        this.forTraces = forTraces;
        this.forFatalLogs = forFatalLogs;
    }

    /** The text as pasted this way (a file with CRLF line ends gets them as LF first: each variant sets its own). */
    String apply(String text) {
        return change.apply(text.replace("\r\n", "\n"));
    }

    /** True when this variant applies to the corpus file (a trace or an hs_err log). */
    boolean appliesTo(String file, String text) {
        boolean fatal = file.endsWith(".log");
        if (text.isEmpty() || !(fatal ? forFatalLogs : forTraces) || file.contains("stdout")) {
            return this == CRLF && !text.isEmpty();
        }
        return this != GLUED_IN_FRONT || text.startsWith("Exception in thread");
    }

    private static String eachLine(String text, UnaryOperator<String> line) {
        return List.of(text.split("\n", -1)).stream().map(l -> l.isEmpty() ? l : line.apply(l))
                .collect(Collectors.joining("\n"));
    }

    /** An hs_err log cut short right after the crashing thread's frames (no siginfo, registers, process section). */
    private static String cutAfterFrames(String log) {
        int cut = log.indexOf("\nsiginfo:");
        if (cut < 0 || cut < log.indexOf("Java frames:")) {
            cut = log.indexOf("---------------  P R O C E S S");
        }
        return cut < 0 ? log : log.substring(0, cut);
    }
}
