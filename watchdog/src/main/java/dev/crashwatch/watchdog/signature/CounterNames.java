package dev.crashwatch.watchdog.signature;

import java.util.Arrays;
import java.util.List;

/**
 * The counter name prefixes crashwatch writes, and the kind each one stands for. A stack counter's name is
 * its prefix, then one line per element ({@code \n}-separated); a plain counter is one line.
 */
public final class CounterNames {
    /** The prefix of every counter that counts a crash; other counters (such as runs) only say a program ran. */
    public static final String CRASH_PREFIX = "crash/";
    /** An uncaught exception (stack counter). */
    public static final String UNCAUGHT = "crash/crash";
    /** A HotSpot fatal error: hs_err log (stack counter). */
    public static final String FATAL = "crash/fatal";
    /** Input that could not be parsed; the input is kept in the store (plain counter). */
    public static final String MALFORMED = "crash/malformed";
    /** A JVM ended by -XX:+ExitOnOutOfMemoryError (plain counter; no stack exists). */
    public static final String OOM_EXIT = "crash/oom-exit";
    /** Prefix of plain counters for a death by signal with nothing else known: {@code crash/signal/SIGKILL}. */
    public static final String SIGNAL_PREFIX = "crash/signal/";

    private CounterNames() {
    }

    /** True for a stack counter (its name has frames). */
    public static boolean isStack(String name) {
        return name.indexOf('\n') >= 0;
    }

    /** The name's first line: its prefix. */
    public static String prefix(String name) {
        int nl = name.indexOf('\n');
        return nl < 0 ? name : name.substring(0, nl);
    }

    /** The lines of a counter name after its prefix (empty for a plain counter). */
    public static List<String> frames(String name) {
        if (!isStack(name)) {
            return List.of();
        }
        String[] lines = name.split("\n", -1);
        return List.copyOf(Arrays.asList(lines).subList(1, lines.length));
    }
}
