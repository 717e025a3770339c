package dev.crashwatch.agent;

import dev.crashwatch.agent.wire.RecordChannel;
import dev.crashwatch.agent.wire.Wire;
import java.nio.charset.StandardCharsets;

/**
 * The crash record of an {@code OutOfMemoryError} that leaves no heap to report it with, written without allocating:
 * its buffer and everything on its way are prepared on {@code crashwatch-start} right after the hello (whose write,
 * record number and all, takes the same path). The full report allocates (a renderer, the frames) and, before the
 * crash-path rehearsal (the JVM's first {@link Agent#REHEARSAL_AFTER_MILLIS} ms), loads classes, which needs heap too;
 * when it fails of an {@code OutOfMemoryError}, this record still says what died:
 * {@code Exception in thread "NAME" java.lang.OutOfMemoryError: MESSAGE}, without frames (they would need heap). The
 * watchdog counts it as {@code crash/crash}, {@code java.lang.OutOfMemoryError}: counted, not lost.
 */
final class HeapExhaustedRecord {
    private static final int CAPACITY = 512;
    private static final byte[] HEAD = "Exception in thread \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE = "\" java.lang.OutOfMemoryError".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = ": ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] text = new byte[CAPACITY];
    private final RecordChannel channel;
    /** {@link Wire#CRASH}, held here so that its constant is resolved now, not at the crash. */
    private final String kind = Wire.CRASH;

    private HeapExhaustedRecord(RecordChannel channel) {
        this.channel = channel;
    }

    /** Prepares the record for {@code channel} (connected, its hello written): sending it then allocates nothing. */
    static HeapExhaustedRecord prepare(RecordChannel channel) {
        HeapExhaustedRecord prepared = new HeapExhaustedRecord(channel);
        prepared.fill(Thread.currentThread(), null); // runs the filling code once, so that nothing is left to link
        channel.writableAtOnce(0);
        return prepared;
    }

    /**
     * Writes the record for {@code thread} dying of {@code error} when one write into the pipe takes it at once (the
     * pipe empty: no thread to bound the wait with, and none can be had); true when written. Never throws.
     */
    boolean send(Thread thread, Throwable error) {
        try {
            int length = fill(thread, error.getMessage());
            return channel.usable() && channel.writableAtOnce(length) && channel.write(kind, text, length);
        } catch (Throwable noWay) {
            return false;
        }
    }

    /** The text into the buffer; its length. Message and name are cut to what fits, non-ASCII written as '?'. */
    private int fill(Thread thread, String message) {
        int at = copy(HEAD, 0);
        at = chars(thread.getName(), at, CAPACITY / 2);
        at = copy(TYPE, at);
        if (message != null) {
            at = copy(COLON, at);
            at = chars(message, at, CAPACITY - 1);
        }
        text[at] = '\n';
        return at + 1;
    }

    private int copy(byte[] bytes, int at) {
        System.arraycopy(bytes, 0, text, at, bytes.length);
        return at + bytes.length;
    }

    private int chars(String s, int at, int limit) {
        for (int i = 0; i < s.length() && at < limit; i++) {
            char c = s.charAt(i);
            text[at++] = (byte) (c >= ' ' && c < 127 ? c : '?');
        }
        return at;
    }
}
