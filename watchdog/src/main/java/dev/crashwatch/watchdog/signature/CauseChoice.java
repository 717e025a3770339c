package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import dev.crashwatch.watchdog.parse.JavaTrace;
import dev.crashwatch.watchdog.parse.ThrownException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which exception of a cause chain names the crash: the root cause (the innermost {@code Caused by:}), because
 * wrappers (InvocationTargetException, ExecutionException, CompletionException, ExceptionInInitializerError,
 * UndeclaredThrowableException, framework exceptions) only say where the failure was noticed, while the root cause
 * says where it happened. Its frames are its whole stack: its own frames plus the enclosing frames the JVM folded into
 * {@code ... N more} ({@link CommonFrames}), so the call path down from {@code main} still tells two callers apart.
 */
final class CauseChoice {
    private CauseChoice() {
    }

    /**
     * The type that names the crash and the frames that place it.
     *
     * @param missing frames the text announced ({@code ... N more}) but does not hold (the paste lacks the enclosing
     *                exception's frames)
     */
    record Choice(String type, List<JavaFrame> frames, int missing) {
    }

    /** An exception's whole stack and how many of its frames the text does not hold. */
    private record Stack(List<JavaFrame> frames, int missing) {
    }

    static Choice choose(JavaTrace trace, Explanation explain) {
        List<ThrownException> chain = trace.causeChain();
        List<Stack> stacks = wholeStacks(chain, explain);
        ThrownException root = chain.get(chain.size() - 1);
        int framed = chain.size() - 1;
        while (framed > 0 && stacks.get(framed).frames().isEmpty()) {
            framed--;
        }
        if (chain.size() > 1) {
            explain.decision("named by the root cause " + root.type() + " (chain: " + types(chain) + ")");
        }
        if (framed != chain.size() - 1) {
            explain.decision("the root cause has no frames: frames taken from " + chain.get(framed).type());
        }
        Stack chosen = stacks.get(framed);
        return new Choice(root.type(), chosen.frames(), chosen.missing());
    }

    /** Each exception's whole stack: own frames, then the last N frames of the enclosing stack. */
    private static List<Stack> wholeStacks(List<ThrownException> chain, Explanation explain) {
        List<Stack> stacks = new ArrayList<>();
        Stack enclosing = new Stack(List.of(), 0);
        for (ThrownException e : chain) {
            List<JavaFrame> whole = new ArrayList<>(e.frames());
            int common = CommonFrames.count(e, enclosing.frames());
            int shared = Math.min(common, enclosing.frames().size());
            whole.addAll(enclosing.frames().subList(enclosing.frames().size() - shared, enclosing.frames().size()));
            if (!e.framesInCommonPrinted() && shared > 0) {
                explain.decision(e.type() + " has no '... N more' line: " + shared
                        + " frames taken from the enclosing exception below its last frame's method");
            }
            int missing = common - shared + (common > 0 ? enclosing.missing() : 0);
            Stack stack = new Stack(whole, missing);
            stacks.add(stack);
            enclosing = stack;
        }
        return stacks;
    }

    private static String types(List<ThrownException> chain) {
        StringBuilder sb = new StringBuilder();
        for (ThrownException e : chain) {
            sb.append(sb.length() == 0 ? "" : " < ").append(e.type());
        }
        return sb.toString();
    }
}
