package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import dev.crashwatch.watchdog.parse.ThrownException;
import java.util.List;

/**
 * How many frames at the bottom of an exception's stack it shares with the exception that encloses it, which the JVM
 * folds into {@code ... N more}. When the paste lost that line (cut right above it, or a logger that dropped it), the
 * number is inferred the way the JVM computed it: the exception's last printed frame is where its stack parted from
 * the enclosing one, so the shared frames are those below the enclosing frame in the same method (the catch site); if
 * no enclosing frame is in that method, the whole enclosing stack is shared (a wrapper made by reflection or class
 * initialisation), unless that frame is a {@code run} method: then, as when the last printed frame starts a thread
 * ({@link StackEnds}), the stack is taken as whole (a cause from another thread, whose base frame is a Thread
 * subclass's {@code run}, shares nothing).
 */
final class CommonFrames {
    private CommonFrames() {
    }

    /** The shared frame count, from the {@code ... N more} line or inferred; may exceed {@code enclosing.size()}. */
    static int count(ThrownException e, List<JavaFrame> enclosing) {
        if (e.framesInCommonPrinted()) {
            return e.framesInCommon();
        }
        List<JavaFrame> own = e.frames();
        if (own.isEmpty() || enclosing.isEmpty() || StackEnds.isEntryPoint(own.get(own.size() - 1))) {
            return 0;
        }
        JavaFrame last = own.get(own.size() - 1);
        for (int j = 0; j < enclosing.size(); j++) {
            JavaFrame f = enclosing.get(j);
            if (f.className().equals(last.className()) && f.methodName().equals(last.methodName())) {
                return enclosing.size() - 1 - j;
            }
        }
        return last.methodName().equals("run") ? 0 : enclosing.size();
    }
}
