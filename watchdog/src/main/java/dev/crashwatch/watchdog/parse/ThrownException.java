package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One exception of a parsed trace: its type, its frames, the frames the JVM left out as shared with the enclosing
 * trace ({@code ... N more}), its cause and its suppressed exceptions. The message is kept for the parser's own
 * decisions only and must never reach a counter name.
 */
public final class ThrownException {
    private final String type;
    private final StringBuilder message = new StringBuilder();
    private final List<JavaFrame> frames = new ArrayList<>();
    private final List<ThrownException> suppressed = new ArrayList<>();
    private ThrownException cause;
    private int framesInCommon;
    private boolean framesInCommonPrinted;

    ThrownException(String type, String firstMessageLine) {
        this.type = type;
        if (firstMessageLine != null) {
            message.append(firstMessageLine);
        }
    }

    /** The exception's class name. */
    public String type() {
        return type;
    }

    /** Internal only: the message text. Never put it into a name. */
    String message() {
        return message.toString();
    }

    /** The frames printed for this exception, innermost (throw site) first. */
    public List<JavaFrame> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** How many more frames it shares with the enclosing trace ({@code ... N more}; 0 when none). */
    public int framesInCommon() {
        return framesInCommon;
    }

    /**
     * True when the text said how many frames it shares ({@code ... N more} was read); false when the line is missing,
     * because the JVM shares none or because the paste was cut before it.
     */
    public boolean framesInCommonPrinted() {
        return framesInCommonPrinted;
    }

    /** Its cause ({@code Caused by:}), or null. */
    public ThrownException cause() {
        return cause;
    }

    /** Its suppressed exceptions ({@code Suppressed:}). */
    public List<ThrownException> suppressed() {
        return Collections.unmodifiableList(suppressed);
    }

    void appendMessageLine(String line) {
        message.append('\n').append(line);
    }

    void addFrame(JavaFrame frame) {
        frames.add(frame);
    }

    void setFramesInCommon(int n) {
        framesInCommon = n;
        framesInCommonPrinted = true;
    }

    void setCause(ThrownException cause) {
        this.cause = cause;
    }

    void addSuppressed(ThrownException s) {
        suppressed.add(s);
    }

    /** True once anything but message text was read for it. */
    boolean hasBody() {
        return !frames.isEmpty() || framesInCommon > 0;
    }
}
