package dev.crashwatch.watchdog.parse;

/**
 * What one line of a stack trace is, once prefixes are gone.
 *
 * @param kind   the line's role
 * @param indent indentation width (a tab to the next multiple of 8, a space 1) before a {@code Caused by:} or {@code Suppressed:}
 * @param type   exception type for header lines
 * @param rest   message text after the type (header lines), never used in names
 * @param frame  the frame, for {@link Kind#FRAME}
 * @param count  N of {@code ... N more} / {@code N common frames omitted}
 * @param text   the original line
 */
record TraceLine(Kind kind, int indent, String type, String rest, JavaFrame frame, int count, String text) {
    /** Roles a trace line can have. */
    enum Kind {
        /** {@code Exception in thread "t" Type: message}: the start of an uncaught exception. */
        THREAD_HEADER,
        /** {@code Type: message} on its own line: may start a trace (or be message text). */
        TYPE_HEADER,
        CAUSED_BY,
        SUPPRESSED,
        FRAME,
        /** {@code ... N more} or {@code N common frames omitted}. */
        MORE,
        BLANK,
        TEXT;

        /** Lines that only occur inside a trace's body. */
        boolean isStructure() {
            return this == CAUSED_BY || this == SUPPRESSED || this == FRAME || this == MORE;
        }
    }

    static TraceLine of(Kind kind, String text) {
        return new TraceLine(kind, 0, null, null, null, 0, text);
    }
}
