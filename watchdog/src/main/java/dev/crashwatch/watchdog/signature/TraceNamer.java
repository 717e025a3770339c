package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import dev.crashwatch.watchdog.parse.JavaTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Names an uncaught exception: {@code crash/crash}, the type of the exception that names it ({@link CauseChoice}),
 * then the frames of its 16-frame window ({@link FrameBudget}), each through the steps of {@code docs/signatures.md}:
 * generated names, noise, line positions, recursion, size.
 */
final class TraceNamer {
    /** Frames read from one trace at most (a 10 MB record must not cost more than a deep stack overflow). */
    private static final int MAX_INPUT_FRAMES = 4096;
    private static final String STACK_OVERFLOW = "java.lang.StackOverflowError";

    private TraceNamer() {
    }

    static String name(JavaTrace trace, LineResolver lines, Explanation explain) {
        CauseChoice.Choice choice = CauseChoice.choose(trace, explain);
        List<JavaFrame> stack = choice.frames().subList(0, Math.min(choice.frames().size(), MAX_INPUT_FRAMES));
        explain.inputs(stack);
        List<JavaFrame> window = FrameBudget.window(stack, explain);
        noteShortPaste(choice, window, explain);
        List<NamedFrame> frames = new ArrayList<>();
        for (JavaFrame f : window) {
            NamedFrame named = GeneratedNames.rewrite(new NamedFrame(f, f.className(), f.methodName(), f.line(), null), explain);
            String noise = NoiseFrames.reason(named);
            if (noise != null) {
                explain.note(f, "dropped: " + noise);
            } else {
                frames.add(LinePositions.render(named, lines, explain));
            }
        }
        boolean overflow = STACK_OVERFLOW.equals(choice.type());
        frames = overflow ? RecursionFolder.overflowCycle(frames, explain) : RecursionFolder.upToRecursion(frames, explain);
        StringBuilder name = new StringBuilder(CounterNames.UNCAUGHT).append('\n').append(GeneratedNames.stableClassName(choice.type()));
        for (NamedFrame f : frames) {
            name.append('\n').append(f.rendered());
            if (explain.recording()) {
                explain.note(f.source(), "kept as " + f.rendered());
            }
        }
        return NameLimit.bound(name.toString(), explain);
    }

    /** A window short of 16 frames is a whole stack only if it ends where a thread starts and lacks no frame. */
    private static void noteShortPaste(CauseChoice.Choice choice, List<JavaFrame> window, Explanation explain) {
        if (window.size() >= FrameBudget.FRAMES) {
            return;
        }
        if (choice.missing() > 0) {
            explain.shortPaste(window.size(), "it lacks " + choice.missing()
                    + " frames that a '... N more' line refers to (the enclosing exception is not in the paste)");
        } else if (window.isEmpty() || !StackEnds.isEntryPoint(window.get(window.size() - 1))) {
            explain.shortPaste(window.size(), "its last frame does not start a thread (main, Thread.run): it may be cut");
        }
    }
}
