package dev.crashwatch.watchdog.parse;

/**
 * One frame of a HotSpot fatal error log ({@code Problematic frame:}, {@code Native frames:}, {@code Java frames:}),
 * reduced to what identifies code: no offsets, addresses, compile ids, code sizes or paths.
 *
 * @param marker  HotSpot's frame kind: {@code C} native, {@code V} VM, {@code v} VM stub, {@code J} compiled Java,
 *                {@code j} interpreted Java, {@code A} AOT
 * @param library native library file name without its directory (C/V frames), or null
 * @param symbol  native symbol without offset or argument list; stub name for v frames; {@code Class.method} for Java
 *                frames; null when unknown
 * @param text    the input line (for {@code --explain}; never part of a name)
 */
public record NativeFrame(char marker, String library, String symbol, String text) {
    /** True for a frame of Java code (compiled or interpreted). */
    public boolean isJava() {
        return marker == 'J' || marker == 'j' || marker == 'A';
    }
}
