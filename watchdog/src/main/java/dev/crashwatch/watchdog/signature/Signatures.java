package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.FatalErrorLog;
import dev.crashwatch.watchdog.parse.FatalErrorLogParser;
import dev.crashwatch.watchdog.parse.JavaTrace;
import dev.crashwatch.watchdog.parse.JavaTraceParser;
import dev.crashwatch.watchdog.parse.Parsed;

/**
 * The one place that turns crash text into a counter name. Everything that counts a crash (the pipe
 * reader, the fatal-error-log reader, {@code crashwatch signature}) calls this and nothing else, so the
 * naming rules ({@code docs/signatures.md}) can change without touching the pipe or the store.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * The counter name for a Java stack trace or a HotSpot fatal error log (detected from the text).
     * Never throws: text it cannot read gives {@link CounterNames#MALFORMED}.
     */
    public static String counterName(String crashText, LineResolver lines) {
        return name(crashText, lines, Explanation.QUIET);
    }

    /**
     * The counter name for a HotSpot fatal error log ({@code hs_err_pid*.log}) read from its file: read as one,
     * without detecting what the text is. Never throws: a log it cannot read gives {@link CounterNames#MALFORMED}.
     */
    public static String fatalErrorLogName(String logText) {
        try {
            return fatalName(logText, Explanation.QUIET);
        } catch (RuntimeException | StackOverflowError e) {
            return CounterNames.MALFORMED;
        }
    }

    /** The counter name together with what each naming step did to each input frame ({@code signature --explain}). */
    public static Explained explain(String crashText, LineResolver lines) {
        Explanation explanation = new Explanation();
        String name = name(crashText, lines, explanation);
        return new Explained(name, explanation);
    }

    /** A name and how it came about. */
    public record Explained(String name, Explanation explanation) {
    }

    private static String name(String crashText, LineResolver lines, Explanation explain) {
        try {
            LineResolver resolver = lines == null ? LineResolver.NONE : lines;
            if (FatalErrorLogParser.looksLikeFatalErrorLog(crashText)) {
                return fatalName(crashText, explain);
            }
            Parsed<JavaTrace> trace = JavaTraceParser.parse(crashText);
            if (trace.isParsed()) {
                explain.decision("read as a Java stack trace");
                return TraceNamer.name(trace.value(), resolver, explain);
            }
            Parsed<FatalErrorLog> log = crashText != null && crashText.contains("frame")
                    ? FatalErrorLogParser.parse(crashText) : Parsed.unparseable("no frames");
            if (log.isParsed() && !log.value().crashFrames().isEmpty()) {
                explain.decision("no Java stack trace; read as part of a HotSpot fatal error log");
                return FatalNamer.name(log.value(), explain);
            }
            explain.decision("unparseable: " + trace.problem());
            return CounterNames.MALFORMED;
        } catch (RuntimeException | StackOverflowError e) {
            explain.decision("naming failed: " + e.getClass().getSimpleName());
            return CounterNames.MALFORMED;
        }
    }

    private static String fatalName(String logText, Explanation explain) {
        Parsed<FatalErrorLog> log = FatalErrorLogParser.parse(logText);
        if (log.isParsed()) {
            explain.decision("read as a HotSpot fatal error log");
            return FatalNamer.name(log.value(), explain);
        }
        explain.decision("fatal error log unparseable: " + log.problem());
        return CounterNames.MALFORMED;
    }
}
