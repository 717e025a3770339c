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
 * {@code ... N more}, so the call path down from {@code main} still tells two callers apart.
 */
final class CauseChoice {
    private CauseChoice() {
    }

    /** The type that names the crash and the frames that place it. */
    record Choice(String type, List<JavaFrame> frames) {
    }

    static Choice choose(JavaTrace trace, Explanation explain) {
        List<ThrownException> chain = trace.causeChain();
        List<List<JavaFrame>> stacks = wholeStacks(chain);
        ThrownException root = chain.get(chain.size() - 1);
        int framed = chain.size() - 1;
        while (framed > 0 && stacks.get(framed).isEmpty()) {
            framed--;
        }
        if (chain.size() > 1) {
            explain.decision("named by the root cause " + root.type() + " (chain: " + types(chain) + ")");
        }
        if (framed != chain.size() - 1) {
            explain.decision("the root cause has no frames: frames taken from " + chain.get(framed).type());
        }
        return new Choice(root.type(), stacks.get(framed));
    }

    /** Each exception's whole stack: own frames, then the last N frames of the enclosing stack ({@code ... N more}). */
    private static List<List<JavaFrame>> wholeStacks(List<ThrownException> chain) {
        List<List<JavaFrame>> stacks = new ArrayList<>();
        List<JavaFrame> enclosing = List.of();
        for (ThrownException e : chain) {
            List<JavaFrame> whole = new ArrayList<>(e.frames());
            int shared = Math.min(e.framesInCommon(), enclosing.size());
            whole.addAll(enclosing.subList(enclosing.size() - shared, enclosing.size()));
            stacks.add(whole);
            enclosing = whole;
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
