package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.FatalErrorLog;
import dev.crashwatch.watchdog.parse.NativeFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a HotSpot fatal error: {@code crash/fatal}, the error kind, then the crashing thread's frames from the
 * problematic frame down: native as {@code library!symbol}, Java as {@code Class.method}, VM stubs by name. The
 * error-reporting and signal-handling frames HotSpot puts above the real crash site are dropped.
 */
final class FatalNamer {
    /** Frames read from one log at most. */
    private static final int MAX_INPUT_FRAMES = 4096;

    private FatalNamer() {
    }

    static String name(FatalErrorLog log, Explanation explain) {
        List<NativeFrame> all = log.crashFrames();
        List<NativeFrame> read = all.subList(0, Math.min(all.size(), MAX_INPUT_FRAMES));
        explain.inputs(read);
        List<NativeFrame> input = JvmOwnFrames.applicationView(log, read, explain);
        List<NamedFrame> frames = new ArrayList<>();
        boolean atTop = true;
        for (NativeFrame f : input) {
            String handler = atTop ? HandlerFrames.reason(f) : null;
            if (handler != null) {
                explain.note(f, "dropped: " + handler);
                continue;
            }
            atTop = false;
            frames.add(render(f, explain));
        }
        StringBuilder name = new StringBuilder(CounterNames.FATAL).append('\n').append(log.kind());
        for (String line : FrameBudget.spend(RecursionFolder.foldRepeats(frames, explain), explain)) {
            name.append('\n').append(line);
        }
        return NameLimit.bound(name.toString(), explain);
    }

    private static NamedFrame render(NativeFrame f, Explanation explain) {
        if (f.isJava()) {
            String symbol = f.symbol() == null ? "?" : f.symbol();
            int dot = symbol.lastIndexOf('.');
            String cls = dot > 0 ? GeneratedNames.stableClassName(symbol.substring(0, dot)) : symbol;
            String rendered = dot > 0 ? cls + symbol.substring(dot) : symbol;
            return new NamedFrame(f, cls, "", -1, rendered);
        }
        if (f.marker() == 'v') {
            return new NamedFrame(f, "", "", -1, f.symbol() == null ? "?" : f.symbol());
        }
        String library = f.library() == null ? "?" : LibraryNames.stable(f.library());
        if (f.library() != null && !library.equals(f.library())) {
            explain.note(f, "library " + f.library() + " -> " + library + " (random digits of a temp-file name dropped)");
        }
        String rendered = f.symbol() == null ? library : library + "!" + f.symbol();
        return new NamedFrame(f, library, "", -1, rendered);
    }
}
