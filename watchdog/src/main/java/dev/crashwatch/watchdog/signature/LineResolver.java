package dev.crashwatch.watchdog.signature;

import java.util.OptionalInt;

/**
 * Finds the first line of the method that holds a given line, so that a frame's line can be written
 * relative to its method ({@code Class.method:+N}, as Go does) and survive code moved elsewhere in the file.
 */
public interface LineResolver {
    /** Resolves nothing: every frame keeps its absolute line, marked as such. */
    LineResolver NONE = (className, methodName, line) -> OptionalInt.empty();

    /** First line of the method {@code className.methodName} that contains {@code line}, if known. */
    OptionalInt methodFirstLine(String className, String methodName, int line);
}
