package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import java.util.Set;

/**
 * The frames a thread's stack starts from ({@code main}, {@code Thread.run}, a virtual thread's or a fork-join
 * worker's run): a stack whose last frame is one of them was printed to its end, so a paste that shows it is not cut.
 */
final class StackEnds {
    private static final Set<String> ENTRY_POINTS = Set.of(
            "java.lang.Thread.run", "java.lang.Thread.runWith", "java.lang.VirtualThread.run",
            "jdk.internal.vm.Continuation.enter", "jdk.internal.vm.Continuation.enterSpecial",
            "java.util.concurrent.ForkJoinWorkerThread.run",
            "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run");

    private StackEnds() {
    }

    /** True when a thread's stack starts at this frame. */
    static boolean isEntryPoint(JavaFrame frame) {
        return frame.methodName().equals("main") || ENTRY_POINTS.contains(frame.qualifiedMethod())
                || frame.methodName().equals("run") && frame.className().endsWith("Thread");
    }
}
