package dev.crashwatch.watchdog.parse;

import java.util.List;

/**
 * What identifies a HotSpot fatal error in its log: the error kind, the problematic frame and the crashing thread's
 * frames. Everything else in the log (registers, memory maps, environment, command line) is never read into it.
 *
 * @param kind        {@code SIGSEGV}, {@code SIGSEGV sent by kill} (HotSpot's {@code (sent by kill)}), {@code SIGBUS}, {@code EXCEPTION_ACCESS_VIOLATION}, {@code Internal Error (file.cpp)},
 *                    {@code OutOfMemoryError: Java heap space}, {@code Out of Memory Error}, or {@code unknown}
 * @param problematic the {@code Problematic frame:}, or null when the log has none (internal errors)
 * @param nativeFrames the {@code Native frames:} section (mixed native and Java), possibly empty
 * @param javaFrames  the {@code Java frames:} section, possibly empty
 * @param complete    true when the log's {@code END.} marker was seen
 */
public record FatalErrorLog(String kind, NativeFrame problematic, List<NativeFrame> nativeFrames,
                            List<NativeFrame> javaFrames, boolean complete) {
    /** Ends the kind of a signal that another process sent ({@code SIGSEGV sent by kill}): not a crash site. */
    public static final String SENT_BY_KILL = " sent by kill";
    /** Kind given when the header is missing (a paste of the frames only). */
    public static final String UNKNOWN_KIND = "unknown";

    /** The frames that tell where it crashed: the native section, else the Java section, else the problematic frame. */
    public List<NativeFrame> crashFrames() {
        if (!nativeFrames.isEmpty()) {
            return nativeFrames;
        }
        if (!javaFrames.isEmpty()) {
            return javaFrames;
        }
        return problematic == null ? List.of() : List.of(problematic);
    }
}
