package dev.crashwatch.watchdog.signature;

import java.util.OptionalInt;

/**
 * Writes a Java frame's position as Go does: {@code Class.method:+N}, N lines below the first line of its method, when
 * the {@link LineResolver} knows that method (code moved elsewhere in the file keeps the name); else
 * {@code Class.method:=N}, the absolute line, marked as such. JDK frames get no line (the JDK's lines change with every
 * JDK update, which users install on their own); frames without a line get none either.
 */
final class LinePositions {
    private LinePositions() {
    }

    static NamedFrame render(NamedFrame frame, LineResolver lines, Explanation explain) {
        String method = frame.qualifiedMethod();
        if (frame.line() < 0) {
            return frame.withRendered(method);
        }
        if (CodeOrigin.isJdk(frame.className())) {
            explain.note(frame.source(), "line dropped: JDK frame (JDK lines change with each JDK update)");
            return frame.withRendered(method);
        }
        OptionalInt first = firstLine(frame, lines);
        if (first.isPresent() && first.getAsInt() <= frame.line()) {
            int relative = frame.line() - first.getAsInt();
            if (explain.recording()) {
                explain.note(frame.source(), "line " + frame.line() + " -> +" + relative + " (method starts at line "
                        + first.getAsInt() + ")");
            }
            return frame.withRendered(method + ":+" + relative);
        }
        if (explain.recording()) {
            String why = lines == LineResolver.NONE ? "no class path given" : "method not found on the class path";
            explain.note(frame.source(), "line " + frame.line() + " kept absolute (=): " + why);
        }
        return frame.withRendered(method + ":=" + frame.line());
    }

    private static OptionalInt firstLine(NamedFrame frame, LineResolver lines) {
        try {
            OptionalInt first = lines.methodFirstLine(frame.className(), frame.methodName(), frame.line());
            return first == null ? OptionalInt.empty() : first;
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
