package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.FatalErrorLog;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The privacy rule of {@code docs/signatures.md} (rule 1) as a check on a finished counter name: a prefix from
 * {@link CounterNames}, then for a stack counter a type or error-kind line and frames made only of code identifiers,
 * line offsets, native library file names and symbol names — no spaces, paths, addresses, quotes or message text.
 * The names crashwatch makes always pass; the upload client uses it to keep a name that does not (a bug elsewhere)
 * on the machine, and the collector uses it as a second gate on what it receives.
 */
public final class NameGrammar {
    private static final String ID = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final String JAVA_NAME = ID + "(?:\\." + ID + ")*";
    private static final String METHOD = "(?:" + ID + "|<init>|<clinit>)";
    private static final Pattern JAVA_TYPE = Pattern.compile(JAVA_NAME);
    private static final Pattern JAVA_FRAME = Pattern.compile(JAVA_NAME + "\\." + METHOD + "(?::[+=][0-9]{1,7})?");
    private static final Pattern FATAL_KIND = Pattern.compile("SIG[A-Z0-9]{1,12}(?:" + Pattern.quote(
            FatalErrorLog.SENT_BY_KILL) + ")?|EXCEPTION_[A-Z_]{1,40}"
            + "|Internal Error \\([\\p{L}\\p{N}_.\\-]{1,100}\\)|OutOfMemoryError: [A-Za-z ]{1,60}|Out of Memory Error"
            + "|unknown");
    private static final String LIBRARY = "[\\p{L}\\p{N}_.+\\-]{1,255}";
    private static final String SYMBOL = "[\\p{L}\\p{N}_$:<>~,.*&+\\-]{1,1024}";
    /** A native frame ({@code libjvm.so!JavaCalls::call_helper}, a library alone), a VM stub or a Java frame. */
    private static final Pattern FATAL_FRAME = Pattern.compile("(?:" + LIBRARY + "(?:!" + SYMBOL + ")?|" + SYMBOL
            + "|\\?)");
    private static final Pattern SIGNAL = Pattern.compile(Pattern.quote(CounterNames.SIGNAL_PREFIX)
            + "SIG[A-Z0-9]{1,12}(?:\\+[0-9]{1,2})?");
    /** A run of digits that {@link LibraryNames} would have removed from a library name (a temp file's random part). */
    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9]{5,}");
    /**
     * crashwatch's own plain counters, which hold no crash: {@code Store.RUNS_COUNTER} and
     * {@code Bye.HANDLER_REPLACED_COUNTER} (the store and the pipe own them; {@code NameGrammarTest} pins these to them).
     */
    static final java.util.Set<String> OWN_PLAIN_COUNTERS = java.util.Set.of("crashwatch/runs",
            "crashwatch/handler-replaced");
    /** The line that marks where frames were left out of a name. */
    public static final String GAP = FrameBudget.GAP;

    private NameGrammar() {
    }

    /** True if the name holds only what rule 1 allows. */
    public static boolean isCrashCounterName(String name) {
        return violation(name).isEmpty();
    }

    /** Why the name breaks the rule, in a few words that quote none of it; empty if it does not. */
    public static Optional<String> violation(String name) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > NameLimit.MAX_BYTES) {
            return Optional.of("empty or longer than " + NameLimit.MAX_BYTES + " bytes");
        }
        String[] lines = name.split("\n", -1);
        String prefix = lines[0];
        if (lines.length == 1) {
            boolean plain = prefix.equals(CounterNames.MALFORMED) || prefix.equals(CounterNames.OOM_EXIT)
                    || SIGNAL.matcher(prefix).matches() || OWN_PLAIN_COUNTERS.contains(prefix);
            return plain ? Optional.empty() : Optional.of("not a crashwatch plain counter");
        }
        boolean uncaught = prefix.equals(CounterNames.UNCAUGHT);
        if (!uncaught && !prefix.equals(CounterNames.FATAL)) {
            return Optional.of("not a crashwatch stack counter prefix");
        }
        Pattern kind = uncaught ? JAVA_TYPE : FATAL_KIND;
        if (!kind.matcher(lines[1]).matches()) {
            return Optional.of(uncaught ? "line 2 is not an exception type" : "line 2 is not a fatal error kind");
        }
        return frames(lines, uncaught);
    }

    private static Optional<String> frames(String[] lines, boolean uncaught) {
        Pattern frame = uncaught ? JAVA_FRAME : FATAL_FRAME;
        int frames = 0;
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.equals(FrameBudget.GAP) || (last && line.equals(NameLimit.TRUNCATED))) {
                continue;
            }
            if (!frame.matcher(line).matches() || line.contains("0x")
                    || (!uncaught && libraryHasLongDigits(line))) {
                return Optional.of("line " + (i + 1) + " is not a frame");
            }
            if (++frames > FrameBudget.FRAMES) {
                return Optional.of("more than " + FrameBudget.FRAMES + " frames");
            }
        }
        return Optional.empty();
    }

    private static boolean libraryHasLongDigits(String frame) {
        int bang = frame.indexOf('!');
        return LONG_DIGITS.matcher(bang < 0 ? frame : frame.substring(0, bang)).find();
    }
}
