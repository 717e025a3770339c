package dev.crashwatch.watchdog.pipe;

import java.util.Arrays;

/**
 * Bytes of unbounded length held in bounded memory: the first {@code headCap} bytes and the last {@code tailCap}
 * bytes are kept, what lies between is counted and dropped. A crash's name needs the start (the exception's type)
 * and the end (its frames, after a message of any length), so an endless record costs a watchdog with a small heap
 * no more than the two caps. See {@link #toByteArray()} for how the two ends are joined.
 */
final class BoundedBytes {
    private final int headCap;
    private final int tailCap;
    private byte[] head = new byte[256];
    private int headLength;
    private byte[] tail;
    private int tailStart;
    private int tailLength;
    private long total;

    BoundedBytes(int headCap, int tailCap) {
        this.headCap = headCap;
        this.tailCap = tailCap;
    }

    void write(byte[] bytes, int off, int len) {
        total += len;
        int toHead = Math.min(len, headCap - headLength);
        if (toHead > 0) {
            if (head.length < headLength + toHead) {
                head = Arrays.copyOf(head, Math.min(headCap, Math.max(head.length * 2, headLength + toHead)));
            }
            System.arraycopy(bytes, off, head, headLength, toHead);
            headLength += toHead;
            off += toHead;
            len -= toHead;
        }
        if (len == 0 || tailCap == 0) {
            return;
        }
        if (tail == null) {
            tail = new byte[tailCap];
        }
        if (len >= tailCap) {
            System.arraycopy(bytes, off + len - tailCap, tail, 0, tailCap);
            tailStart = 0;
            tailLength = tailCap;
            return;
        }
        for (int i = 0; i < len; i++) {
            tail[(tailStart + tailLength) % tailCap] = bytes[off + i];
            if (tailLength < tailCap) {
                tailLength++;
            } else {
                tailStart = (tailStart + 1) % tailCap;
            }
        }
    }

    /** Every byte written so far, kept or not. */
    long size() {
        return total;
    }

    /** Bytes written but not kept (between the head and the tail). */
    long elided() {
        return total - headLength - tailLength;
    }

    void reset() {
        head = new byte[256];
        headLength = 0;
        tail = null;
        tailStart = 0;
        tailLength = 0;
        total = 0;
    }

    /**
     * The bytes kept. When nothing was dropped, exactly what was written. Otherwise the head, a newline if it did
     * not end with one, and the tail from just after its first newline (the rest of a line cut in the middle is
     * dropped with the middle; a tail without any newline is kept whole): a stack trace whose message was endless
     * still reads as its first line, then its frames.
     */
    byte[] toByteArray() {
        byte[] t = tailBytes();
        if (elided() == 0) {
            byte[] all = Arrays.copyOf(head, headLength + t.length);
            System.arraycopy(t, 0, all, headLength, t.length);
            return all;
        }
        int from = 0;
        while (from < t.length && t[from] != '\n') {
            from++;
        }
        from = from < t.length ? from + 1 : 0;
        boolean newline = headLength == 0 || head[headLength - 1] == '\n';
        int size = headLength + (newline ? 0 : 1) + t.length - from;
        byte[] all = Arrays.copyOf(head, size);
        if (!newline) {
            all[headLength] = '\n';
        }
        System.arraycopy(t, from, all, size - (t.length - from), t.length - from);
        return all;
    }

    private byte[] tailBytes() {
        byte[] t = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            t[i] = tail[(tailStart + i) % tailCap];
        }
        return t;
    }
}
