package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import dev.crashwatch.watchdog.parse.JavaTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Names an uncaught exception: {@code crash/crash}, the type of the exception that names it ({@link CauseChoice}),
 * then its frames, each through the steps of {@code docs/signatures.md}: generated names, noise, line positions,
 * recursion, budget, size.
 */
final class TraceNamer {
    /** Frames read from one trace at most (a 10 MB record must not cost more than a deep stack overflow). */
    private static final int MAX_INPUT_FRAMES = 4096;
    private static final String STACK_OVERFLOW = "java.lang.StackOverflowError";

    private TraceNamer() {
    }

    static String name(JavaTrace trace, LineResolver lines, Explanation explain) {
        CauseChoice.Choice choice = CauseChoice.choose(trace, explain);
        List<JavaFrame> input = choice.frames().subList(0, Math.min(choice.frames().size(), MAX_INPUT_FRAMES));
        explain.inputs(input);
        List<NamedFrame> frames = new ArrayList<>();
        for (JavaFrame f : input) {
            NamedFrame named = GeneratedNames.rewrite(new NamedFrame(f, f.className(), f.methodName(), f.line(), null), explain);
            String noise = NoiseFrames.reason(named);
            if (noise != null) {
                explain.note(f, "dropped: " + noise);
            } else {
                frames.add(LinePositions.render(named, lines, explain));
            }
        }
        boolean overflow = STACK_OVERFLOW.equals(choice.type());
        frames = overflow ? RecursionFolder.overflowCycle(frames, explain) : RecursionFolder.foldRepeats(frames, explain);
        StringBuilder name = new StringBuilder(CounterNames.UNCAUGHT).append('\n').append(GeneratedNames.stableClassName(choice.type()));
        for (String line : FrameBudget.spend(frames, !overflow, explain)) {
            name.append('\n').append(line);
        }
        return NameLimit.bound(name.toString(), explain);
    }
}
