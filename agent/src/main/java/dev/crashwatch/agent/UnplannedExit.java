package dev.crashwatch.agent;

import java.util.Arrays;
import java.util.Map;

/**
 * A {@code System.exit} (or {@code Runtime.exit}) that code other than the one class meant to end this JVM called:
 * agent option {@code exitFrom=CLASS} (docs/protocol.md). A Surefire or Failsafe fork ends by its booter's own
 * {@code System.exit}; one called by a test kills the fork without its goodbye, and Surefire can only say "VM crash
 * or System.exit called?". Never thrown: it is reported as a crash from the shutdown hook, its stack the calling
 * thread's from {@code System.exit} down, so the counter names the code that called it.
 */
final class UnplannedExit extends Error {
    private static final long serialVersionUID = 1L;

    private final transient Thread thread;

    private UnplannedExit(Thread thread, String plannedFrom, StackTraceElement[] frames) {
        super("exit called outside " + plannedFrom, null, false, true);
        this.thread = thread;
        setStackTrace(frames);
    }

    /** The thread that called exit. */
    Thread thread() {
        return thread;
    }

    /**
     * The exit this JVM is in, if code outside {@code plannedFrom} (the class or its nested classes) called it; null
     * when the exit was planned, or the JVM is ending otherwise (main returned, a signal, the last thread died).
     * Runs in a shutdown hook: the exiting thread is waiting for the hooks inside {@code Runtime.exit}.
     */
    static UnplannedExit find(String plannedFrom) {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] frames = thread.getValue();
            int exit = lastExitFrame(frames);
            if (exit < 0 || exit + 1 >= frames.length) {
                continue;
            }
            String caller = frames[exit + 1].getClassName();
            if (!caller.equals(plannedFrom) && !caller.startsWith(plannedFrom + "$")) {
                return new UnplannedExit(thread.getKey(), plannedFrom,
                        Arrays.copyOfRange(frames, firstExitFrame(frames, exit), frames.length));
            }
        }
        return null;
    }

    /** The index of the outermost {@code Runtime.exit}/{@code System.exit} frame (its caller follows), or -1. */
    private static int lastExitFrame(StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isExitCall(frames[i])) {
                last = i;
            } else if (last >= 0) {
                break;
            }
        }
        return last;
    }

    private static int firstExitFrame(StackTraceElement[] frames, int last) {
        int first = last;
        while (first > 0 && isExitCall(frames[first - 1])) {
            first--;
        }
        return first;
    }

    private static boolean isExitCall(StackTraceElement frame) {
        String type = frame.getClassName();
        return frame.getMethodName().equals("exit") && (type.equals("java.lang.Runtime") || type.equals("java.lang.System"));
    }
}
