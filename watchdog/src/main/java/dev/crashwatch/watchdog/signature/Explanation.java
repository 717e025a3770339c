package dev.crashwatch.watchdog.signature;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each naming step did to each input frame (kept, rewritten, dropped and why), for {@code crashwatch signature
 * --explain}. Steps record into it; the quiet instance used for counting records nothing.
 */
public class Explanation {
    /** Records nothing: used by the counting path. */
    static final Explanation QUIET = new Explanation() {
        @Override
        void note(Object frame, String what) {
        }

        @Override
        void decision(String what) {
        }

        @Override
        boolean recording() {
            return false;
        }

        @Override
        void shortPaste(int framesShown, String why) {
        }
    };

    private final Map<Object, List<String>> notes = new IdentityHashMap<>();
    private final List<Object> inputOrder = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private ShortPaste shortPaste;

    /** False for the quiet instance: steps skip building notes nobody reads. */
    boolean recording() {
        return true;
    }

    /** Declares the input frames, in input order (each a parsed frame object). */
    void inputs(List<?> frames) {
        inputOrder.clear();
        inputOrder.addAll(frames);
    }

    /** Notes what happened to one input frame (identified by the parsed frame object). */
    void note(Object frame, String what) {
        notes.computeIfAbsent(frame, f -> new ArrayList<>()).add(what);
    }

    /** Notes a decision about the whole crash (which exception names it, recursion found ...). */
    void decision(String what) {
        decisions.add(what);
    }

    /** Notes that the text shows fewer frames than a name is made of and may be cut short (why, in words). */
    void shortPaste(int framesShown, String why) {
        shortPaste = new ShortPaste(framesShown, FrameBudget.FRAMES, why);
    }

    /** Present when the text shows fewer frames than a full name is made of and may be cut short. */
    public Optional<ShortPaste> shortPaste() {
        return Optional.ofNullable(shortPaste);
    }

    /**
     * A paste too short for a full name: its name may differ from the counter of the crash it comes from.
     *
     * @param framesShown the frames of the naming exception it holds
     * @param framesUsed  the frames a full name is made of
     * @param why         why it may be cut short
     */
    public record ShortPaste(int framesShown, int framesUsed, String why) {
    }

    /** Decisions about the whole crash, in order. */
    public List<String> decisions() {
        return List.copyOf(decisions);
    }

    /** One entry per input frame: its input text and what happened to it. */
    public List<FrameFate> frames() {
        List<FrameFate> out = new ArrayList<>();
        for (Object frame : inputOrder) {
            out.add(new FrameFate(FrameText.of(frame), notes.getOrDefault(frame, List.of("kept"))));
        }
        return out;
    }

    /** An input frame and what happened to it. */
    public record FrameFate(String input, List<String> fates) {
    }
}
