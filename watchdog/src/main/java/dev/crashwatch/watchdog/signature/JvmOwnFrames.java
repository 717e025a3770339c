package dev.crashwatch.watchdog.signature;

import dev.crashwatch.watchdog.parse.FatalErrorLog;
import dev.crashwatch.watchdog.parse.NativeFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a fatal error's native frames are only the JVM's own, the application's story is in its Java frames
 * (docs/signatures.md, "The JVM's own frames"). Three cases, decided before the frames are named:
 * <ul>
 *   <li>a signal another process sent ({@code sent by kill}): where it landed says nothing, so only the Java frames
 *       name it (none, for a thread with no Java frames);</li>
 *   <li>an out-of-memory error ({@code -XX:+CrashOnOutOfMemoryError}): the VM frames above the first Java frame are
 *       the allocation path, which differs with the array or object allocated and the compiler, so they are dropped
 *       and the Java frames name it;</li>
 *   <li>any other error whose frames above the first Java frame are all the JVM's: the top one (where it crashed)
 *       is kept, the rest of the VM's path dropped, so the Java frames fit in the name.</li>
 * </ul>
 * A crash with a frame of native code that is not the JVM's (a library, JNI) is left as it is: that frame is the
 * story.
 */
final class JvmOwnFrames {
    private JvmOwnFrames() {
    }

    static List<NativeFrame> applicationView(FatalErrorLog log, List<NativeFrame> frames, Explanation explain) {
        if (log.kind().endsWith(FatalErrorLog.SENT_BY_KILL)) {
            List<NativeFrame> java = new ArrayList<>();
            for (NativeFrame f : log.javaFrames().isEmpty() ? frames : log.javaFrames()) {
                if (f.isJava()) {
                    java.add(f);
                } else {
                    explain.note(f, "dropped: the signal was sent by another process; where it landed says nothing");
                }
            }
            return java;
        }
        int firstJava = firstJava(frames);
        if (firstJava <= 0 || !allJvmOwn(frames.subList(0, firstJava))) {
            return frames;
        }
        boolean outOfMemory = log.kind().contains("OutOfMemory") || log.kind().contains("Out of Memory");
        int keep = outOfMemory ? 0 : firstNotHandler(frames, firstJava);
        List<NativeFrame> view = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            NativeFrame f = frames.get(i);
            if (i < firstJava && i != keep) {
                explain.note(f, "dropped: the JVM's own frame above the first Java frame" + (outOfMemory
                        ? " (an out-of-memory error's allocation path)" : ""));
            } else {
                view.add(f);
            }
        }
        return view;
    }

    /** The first frame under the error-reporting frames HotSpot puts on top; -1 when there is none. */
    private static int firstNotHandler(List<NativeFrame> frames, int end) {
        for (int i = 0; i < end; i++) {
            if (HandlerFrames.reason(frames.get(i)) == null) {
                return i;
            }
        }
        return -1;
    }

    private static int firstJava(List<NativeFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).isJava()) {
                return i;
            }
        }
        return -1;
    }

    /** VM code and VM stubs, or a frame in the JVM's own library. */
    private static boolean allJvmOwn(List<NativeFrame> frames) {
        for (NativeFrame f : frames) {
            boolean vm = f.marker() == 'V' || f.marker() == 'v'
                    || f.library() != null && f.library().matches("(lib)?jvm\\.(so|dll|dylib)");
            if (!vm) {
                return false;
            }
        }
        return true;
    }
}
