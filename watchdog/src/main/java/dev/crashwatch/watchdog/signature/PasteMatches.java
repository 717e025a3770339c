package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.FatalErrorLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the counters a paste too short for a full name may belong to: those of the same kind and type whose frames
 * agree with every frame the paste's name shows, in order from the top. A frame agrees when its method is the same
 * and its line is too; a paste named without the class path ({@code :=N}) and a counter named with it ({@code :+N})
 * can agree on the method only. Best first: more frames agreeing with their line, then more frames, then more crashes.
 */
public final class PasteMatches {
    private PasteMatches() {
    }

    /**
     * A counter that agrees with the paste.
     *
     * @param name       the counter name
     * @param count      how many crashes it counted
     * @param exact      frames of the paste that agree with their line
     * @param methodOnly frames that agree on the method only (one side has an absolute, the other a relative line)
     */
    public record Match(String name, long count, int exact, int methodOnly) {
    }

    /** The counters (name to count) that agree with the paste's name, best first. */
    public static List<Match> rank(String pasteName, Map<String, Long> counters) {
        String[] paste = pasteName.split("\n", -1);
        List<Match> matches = new ArrayList<>();
        if (paste.length < 2) {
            return matches;
        }
        counters.forEach((name, count) -> {
            Match m = match(paste, name, count);
            if (m != null) {
                matches.add(m);
            }
        });
        matches.sort(Comparator.comparingInt(Match::exact).reversed()
                .thenComparing(Comparator.comparingInt((Match m) -> m.exact() + m.methodOnly()).reversed())
                .thenComparing(Comparator.comparingLong(Match::count).reversed())
                .thenComparing(Match::name));
        return matches;
    }

    private static Match match(String[] paste, String name, long count) {
        String[] counter = name.split("\n", -1);
        boolean sameKind = counter.length >= 2 && counter[0].equals(paste[0]) && (counter[1].equals(paste[1])
                || paste[0].equals(CounterNames.FATAL) && paste[1].equals(FatalErrorLog.UNKNOWN_KIND));
        if (!sameKind) {
            return null;
        }
        int exact = 0;
        int methodOnly = 0;
        for (int i = 2; i < paste.length && !isEnd(paste[i]); i++) {
            if (i >= counter.length) {
                return null;
            }
            if (isEnd(counter[i])) {
                break;
            }
            switch (agreement(paste[i], counter[i])) {
                case EXACT -> exact++;
                case METHOD -> methodOnly++;
                default -> {
                    return null;
                }
            }
        }
        return new Match(name, count, exact, methodOnly);
    }

    /** A gap or the size limit's marker: what follows is not shown. */
    private static boolean isEnd(String line) {
        return line.equals(FrameBudget.GAP) || line.equals(NameLimit.TRUNCATED);
    }

    private enum Agreement { EXACT, METHOD, NONE }

    private static Agreement agreement(String paste, String counter) {
        if (paste.equals(counter)) {
            return Agreement.EXACT;
        }
        int p = lineMark(paste);
        int c = lineMark(counter);
        boolean sameMethod = p > 0 && c > 0 && paste.substring(0, p).equals(counter.substring(0, c));
        return sameMethod && paste.charAt(p + 1) != counter.charAt(c + 1) ? Agreement.METHOD : Agreement.NONE;
    }

    /** Index of the {@code :+} or {@code :=} of a frame line, or -1. */
    private static int lineMark(String frame) {
        int i = frame.lastIndexOf(':');
        return i > 0 && i + 1 < frame.length() && (frame.charAt(i + 1) == '+' || frame.charAt(i + 1) == '=') ? i : -1;
    }
}
