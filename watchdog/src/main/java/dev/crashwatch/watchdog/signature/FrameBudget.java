package dev.crashwatch.watchdog.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * Spends the 16-frame budget (as Go does) on the frames that tell the story: the top 8 frames (the failure and its
 * immediate context, library or not), then the application's own frames below them, in order; library frames fill any
 * budget left. A {@code ...} line marks each place where frames were left out, so a reader never mistakes a gap for a call.
 */
final class FrameBudget {
    /** Frames a name holds at most. */
    static final int FRAMES = 16;
    /** Frames kept from the top whatever their origin. */
    static final int TOP = 8;
    /** The line that marks left-out frames. */
    static final String GAP = "...";

    private FrameBudget() {
    }

    /** The kept frames' lines, with {@link #GAP} where frames were left out. */
    static List<String> spend(List<NamedFrame> frames, boolean preferApplication, Explanation explain) {
        boolean[] keep = new boolean[frames.size()];
        int kept = 0;
        for (int i = 0; i < frames.size() && kept < (preferApplication ? TOP : FRAMES); i++) {
            keep[i] = true;
            kept++;
        }
        if (preferApplication) {
            kept = keepWhere(frames, keep, kept, true);
            keepWhere(frames, keep, kept, false);
        }
        List<String> lines = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < frames.size(); i++) {
            if (keep[i]) {
                if (gap) {
                    lines.add(GAP);
                    gap = false;
                }
                lines.add(frames.get(i).rendered());
                if (explain.recording()) {
                    explain.note(frames.get(i).source(), "kept as " + frames.get(i).rendered());
                }
            } else {
                gap = true;
                explain.note(frames.get(i).source(), "dropped: over the " + FRAMES + "-frame budget");
            }
        }
        if (gap) {
            lines.add(GAP);
        }
        return lines;
    }

    private static int keepWhere(List<NamedFrame> frames, boolean[] keep, int kept, boolean application) {
        for (int i = 0; i < frames.size() && kept < FRAMES; i++) {
            if (!keep[i] && (application == CodeOrigin.isApplication(frames.get(i).className()))) {
                keep[i] = true;
                kept++;
            }
        }
        return kept;
    }
}
