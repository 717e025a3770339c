package dev.crashwatch.watchdog.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * The 16 frames a name is made of (as in Go). For a Java trace they are the first 16 frames of the naming exception's
 * whole stack, whatever they are: the window. Nothing below it counts, so a paste cut anywhere below the 16th frame
 * keeps its name. For a fatal error log they are the first 16 frames kept, and a {@code ...} line says more followed.
 */
final class FrameBudget {
    /** Frames a name is made of at most. */
    static final int FRAMES = 16;
    /** The line that marks left-out frames (fatal error logs). */
    static final String GAP = "...";

    private FrameBudget() {
    }

    /** The first {@value #FRAMES} frames of a trace's stack; the ones below are noted as outside the window. */
    static <T> List<T> window(List<T> stack, Explanation explain) {
        for (int i = FRAMES; i < stack.size() && explain.recording(); i++) {
            explain.note(stack.get(i), "dropped: below the " + FRAMES + "-frame window (a paste cut here keeps its name)");
        }
        return stack.subList(0, Math.min(stack.size(), FRAMES));
    }

    /** The first {@value #FRAMES} frames' lines of a fatal error, with {@link #GAP} when more followed. */
    static List<String> spend(List<NamedFrame> frames, Explanation explain) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (i < FRAMES) {
                lines.add(frames.get(i).rendered());
                if (explain.recording()) {
                    explain.note(frames.get(i).source(), "kept as " + frames.get(i).rendered());
                }
            } else {
                explain.note(frames.get(i).source(), "dropped: over the " + FRAMES + "-frame budget");
            }
        }
        if (frames.size() > FRAMES) {
            lines.add(GAP);
        }
        return lines;
    }
}
