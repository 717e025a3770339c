package dev.crashwatch.watchdog.signature.classfile;

/** The source lines one method's code spans, from its LineNumberTable: first and last line. */
public record MethodLines(String methodName, int first, int last) {
    /** True when {@code line} lies within the method. */
    public boolean contains(int line) {
        return line >= first && line <= last;
    }
}
