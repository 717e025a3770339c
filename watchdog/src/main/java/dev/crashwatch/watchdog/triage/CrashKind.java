package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.signature.CounterNames;
import java.util.Locale;

/** What kind of crash a counter counts, read from its name's prefix and, for stacks, its exception type. */
public enum CrashKind {
    /** An uncaught exception ({@code crash/crash}). */
    UNCAUGHT,
    /** A HotSpot fatal error ({@code crash/fatal}). */
    FATAL,
    /** Out of memory: an uncaught or fatal OutOfMemoryError, or {@code crash/oom-exit}. */
    OOM,
    /** Death by signal with nothing else known ({@code crash/signal/...}). */
    SIGNAL,
    /** Input that could not be parsed ({@code crash/malformed}). */
    MALFORMED,
    /** Any other {@code crash/} counter. */
    OTHER;

    /** The word shown to users. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when {@code name} counts a crash at all (its first line is under {@code crash/}). */
    public static boolean isCrash(String name) {
        return name.startsWith(CounterNames.CRASH_PREFIX);
    }

    /** The kind of the crash counter {@code name}. */
    public static CrashKind of(String name) {
        String prefix = CounterNames.prefix(name);
        if (prefix.equals(CounterNames.OOM_EXIT) || isStackOf(prefix) && mentionsOom(name)) {
            return OOM;
        }
        if (prefix.equals(CounterNames.UNCAUGHT)) {
            return UNCAUGHT;
        }
        if (prefix.equals(CounterNames.FATAL)) {
            return FATAL;
        }
        if (prefix.startsWith(CounterNames.SIGNAL_PREFIX)) {
            return SIGNAL;
        }
        if (prefix.equals(CounterNames.MALFORMED)) {
            return MALFORMED;
        }
        return OTHER;
    }

    private static boolean isStackOf(String prefix) {
        return prefix.equals(CounterNames.UNCAUGHT) || prefix.equals(CounterNames.FATAL);
    }

    /**
     * The exception type (the stack's first line after the prefix) or the fatal error's kind names OOM: Java's
     * {@code OutOfMemoryError}, or HotSpot's native {@code Out of Memory Error} (docs/signatures.md).
     */
    private static boolean mentionsOom(String name) {
        String[] lines = name.split("\n", 3);
        return lines.length > 1 && (lines[1].contains("OutOfMemoryError") || lines[1].startsWith("Out of Memory"));
    }
}
