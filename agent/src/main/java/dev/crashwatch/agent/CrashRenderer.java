package dev.crashwatch.agent;

import dev.crashwatch.agent.wire.ByteSink;
import dev.crashwatch.agent.wire.Wire;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders an uncaught exception exactly as the JVM prints it on stderr ({@code Exception in thread "NAME" } and the
 * stack trace) into a buffer made at start-up. When even that fails (the heap is exhausted), it falls back to a
 * minimal rendering, written without allocating: the header line without message and one {@code at} line per frame,
 * if the frames can still be had.
 */
final class CrashRenderer {
    private static final int CAPACITY = 64 * 1024;
    private final ByteSink sink = new ByteSink(CAPACITY);
    private final PrintStream printer = new PrintStream(sink, false, StandardCharsets.UTF_8);
    private boolean broken;

    /** Renders {@code error} thrown in {@code thread}; the text is in the returned sink until the next call. */
    ByteSink render(Thread thread, Throwable error) {
        return render(thread, error, null);
    }

    /**
     * The same, the text preceded by the fact {@code classPath} ({@link Wire#CRASH_FACT}) unless it is null: the class
     * path the watchdog resolves line numbers from when it differs from the hello's. Left out if the buffer cannot
     * hold it as well (the heap is exhausted): the trace comes first.
     */
    ByteSink render(Thread thread, Throwable error, String classPath) {
        sink.reset();
        if (!broken) {
            try {
                if (classPath != null && !classPathFact(classPath)) {
                    sink.reset();
                }
                printer.print("Exception in thread \"");
                printer.print(thread.getName());
                printer.print("\" ");
                error.printStackTrace(printer);
                printer.flush();
                return sink;
            } catch (Throwable failed) {
                broken = true;
            }
        }
        return renderMinimal(thread, error);
    }

    /** Writes the class path fact; false if it did not fit. */
    private boolean classPathFact(String classPath) {
        sink.write(Wire.CRASH_FACT);
        sink.text(Wire.KEY_CLASS_PATH);
        sink.write('=');
        sink.text(Wire.escape(classPath));
        sink.write('\n');
        return !sink.truncated();
    }

    /** The minimal rendering, allocation-free but for the copy of the frames, never throws. */
    ByteSink renderMinimal(Thread thread, Throwable error) {
        try {
            minimal(thread, error);
        } catch (Throwable noMemory) {
            // Send what was written.
        }
        return sink;
    }

    /** False once rendering failed half-way: the printer may hold a partial line and must not be reused. */
    boolean reusable() {
        return !broken;
    }

    private void minimal(Thread thread, Throwable error) {
        sink.reset();
        sink.text("Exception in thread \"");
        sink.text(thread.getName());
        sink.text("\" ");
        sink.text(error.getClass().getName());
        sink.write('\n');
        StackTraceElement[] frames;
        try {
            frames = error.getStackTrace();
        } catch (Throwable noMemory) {
            return;
        }
        for (StackTraceElement frame : frames) {
            frameLine(frame);
        }
    }

    private void frameLine(StackTraceElement frame) {
        sink.text("\tat ");
        sink.text(frame.getClassName());
        sink.write('.');
        sink.text(frame.getMethodName());
        sink.write('(');
        if (frame.isNativeMethod()) {
            sink.text("Native Method");
        } else if (frame.getFileName() == null) {
            sink.text("Unknown Source");
        } else {
            sink.text(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                sink.write(':');
                sink.decimal(frame.getLineNumber());
            }
        }
        sink.text(")\n");
    }
}
