package dev.crashwatch.watchdog.parse;

/**
 * One {@code at} line of a Java stack trace, with module and class-loader prefixes removed.
 *
 * @param className  fully qualified class name, as printed (hidden-class suffixes such as {@code /0x...} kept)
 * @param methodName method name ({@code <init>}, {@code lambda$main$0} ...)
 * @param fileName   file name as printed, or null ({@code Native Method}, {@code Unknown Source}); may be a path
 * @param line       line number, or -1 when unknown
 * @param text       the input line the frame came from (for {@code --explain}; never part of a name)
 */
public record JavaFrame(String className, String methodName, String fileName, int line, String text) {
    /** {@code Class.method}. */
    public String qualifiedMethod() {
        return className + "." + methodName;
    }

    /** True when the line number is known. */
    public boolean hasLine() {
        return line >= 0;
    }
}
