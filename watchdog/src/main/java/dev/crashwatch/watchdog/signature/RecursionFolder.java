package dev.crashwatch.watchdog.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds recursion. Any cycle of frames repeated back to back is kept once (a recursion that went one level deeper is
 * the same crash). For a StackOverflowError the name is the recursion's cycle alone, rotated to a fixed starting frame:
 * where the stack ran out inside the cycle, and from where the recursion was entered, vary from run to run (and the JVM
 * keeps only the top 1024 frames, so the entry point is usually not even printed).
 */
final class RecursionFolder {
    private static final int MAX_PERIOD = 64;

    private RecursionFolder() {
    }

    /** The recursion cycle of a stack overflow in canonical rotation, or the frames unchanged when none repeats. */
    static List<NamedFrame> overflowCycle(List<NamedFrame> frames, Explanation explain) {
        int[] ids = ids(frames);
        int bestPeriod = 0;
        int bestStart = 0;
        int bestCover = 0;
        for (int p = 1; p <= MAX_PERIOD && 2 * p <= frames.size(); p++) {
            int run = 0;
            for (int i = frames.size() - p - 1; i >= 0; i--) {
                run = ids[i] == ids[i + p] ? run + 1 : 0;
                if (run >= p && run + p > bestCover) {
                    bestCover = run + p;
                    bestPeriod = p;
                    bestStart = i;
                }
            }
        }
        if (bestPeriod == 0) {
            return frames;
        }
        List<NamedFrame> cycle = canonicalRotation(frames.subList(bestStart, bestStart + bestPeriod));
        explain.decision("stack overflow: recursion cycle of " + bestPeriod + " frame(s) repeats over " + bestCover
                + " frames; the name is that cycle, starting at its smallest frame");
        for (int i = 0; i < frames.size() && explain.recording(); i++) {
            boolean inCycle = i >= bestStart && i < bestStart + bestPeriod;
            if (!inCycle) {
                explain.note(frames.get(i).source(), "dropped: outside the one kept copy of the recursion cycle");
            }
        }
        return cycle;
    }

    /**
     * The frames down to the first recursion's first cycle: below a recursion the name stops, because its depth varies
     * with the data and with it which frames fit in the window (a parse that fails 10 or 30 levels deep is one bug).
     */
    static List<NamedFrame> upToRecursion(List<NamedFrame> frames, Explanation explain) {
        int[] ids = callSiteIds(frames);
        for (int start = 0; start < frames.size(); start++) {
            for (int p = 1; p <= MAX_PERIOD && start + 2 * p <= frames.size(); p++) {
                if (sameIds(ids, start, start + p, p)) {
                    explain.decision("recursion: a cycle of " + p + " frame(s) repeats from frame " + (start + 1)
                            + "; the name stops after its first copy");
                    for (int i = start + p; i < frames.size() && explain.recording(); i++) {
                        explain.note(frames.get(i).source(), "dropped: below the first copy of a recursion cycle");
                    }
                    return frames.subList(0, start + p);
                }
            }
        }
        return frames;
    }

    private static boolean sameIds(int[] ids, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (ids[a + k] != ids[b + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * One int per distinct call site: the rendered frame and its printed line, so that overloads calling each other
     * ({@code Integer.parseInt}, whose JDK lines a name drops) do not look like a recursion.
     */
    private static int[] callSiteIds(List<NamedFrame> frames) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        int[] ids = new int[frames.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = seen.computeIfAbsent(frames.get(i).rendered() + "@" + frames.get(i).line(), r -> seen.size());
        }
        return ids;
    }

    /** One int per distinct rendered frame, so that comparing frames is comparing ints. */
    private static int[] ids(List<NamedFrame> frames) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        int[] ids = new int[frames.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = seen.computeIfAbsent(frames.get(i).rendered(), r -> seen.size());
        }
        return ids;
    }

    /** Keeps one copy of any cycle (up to {@value #MAX_PERIOD} frames) repeated back to back. */
    static List<NamedFrame> foldRepeats(List<NamedFrame> frames, Explanation explain) {
        List<NamedFrame> out = new ArrayList<>(frames.size());
        for (NamedFrame frame : frames) {
            out.add(frame);
            for (int p = 1; p <= MAX_PERIOD && 2 * p <= out.size(); p++) {
                int end = out.size();
                if (sameRun(out, end - 2 * p, end - p, p)) {
                    for (int k = 0; k < p; k++) {
                        explain.note(out.remove(out.size() - 1).source(), "dropped: repeats the recursion cycle above it");
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static boolean sameRun(List<NamedFrame> f, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!same(f, a + k, b + k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(List<NamedFrame> f, int a, int b) {
        return f.get(a).rendered().equals(f.get(b).rendered());
    }

    private static List<NamedFrame> canonicalRotation(List<NamedFrame> cycle) {
        int best = 0;
        for (int r = 1; r < cycle.size(); r++) {
            if (rotationKey(cycle, r).compareTo(rotationKey(cycle, best)) < 0) {
                best = r;
            }
        }
        List<NamedFrame> out = new ArrayList<>(cycle.subList(best, cycle.size()));
        out.addAll(cycle.subList(0, best));
        return out;
    }

    private static String rotationKey(List<NamedFrame> cycle, int r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cycle.size(); k++) {
            sb.append(cycle.get((r + k) % cycle.size()).rendered()).append('\n');
        }
        return sb.toString();
    }
}
