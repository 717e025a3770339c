package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.JavaFrame;
import dev.crashwatch.watchdog.parse.NativeFrame;

/** The input text of a parsed frame, trimmed, for explanations. */
final class FrameText {
    private FrameText() {
    }

    static String of(Object frame) {
        if (frame instanceof JavaFrame j) {
            return j.text().strip();
        }
        if (frame instanceof NativeFrame n) {
            return n.text().strip();
        }
        return String.valueOf(frame);
    }
}
