package dev.crashwatch.agent.wire;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte buffer made ahead of time that text is encoded into (UTF-8) without allocating, growing only when it must
 * and when the heap allows; what does not fit is dropped and the sink marked truncated.
 */
public final class ByteSink extends OutputStream {
    private static final int LIMIT = 16 << 20;
    private byte[] buf;
    private int count;
    private boolean truncated;

    public ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    /** Empties the sink for the next text, keeping its buffer. */
    public void reset() {
        count = 0;
        truncated = false;
    }

    /** The buffer; its first {@link #length()} bytes are the text. */
    public byte[] array() {
        return buf;
    }

    /** How many bytes of {@link #array()} hold text. */
    public int length() {
        return count;
    }

    /** Whether text was dropped because the buffer could not grow. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void write(int b) {
        if (room(1)) {
            buf[count++] = (byte) b;
        }
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
        int n = room(len) ? len : buf.length - count;
        System.arraycopy(bytes, off, buf, count, n);
        count += n;
    }

    /** Appends {@code text} as UTF-8 (unpaired surrogates as {@code ?}), allocating nothing. */
    public void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                write(c);
            } else if (c < 0x800) {
                bytes(0xC0 | c >> 6, 0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes(0xF0 | cp >> 18, 0x80 | cp >> 12 & 0x3F);
                bytes(0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                write('?');
            } else {
                bytes(0xE0 | c >> 12, 0x80 | c >> 6 & 0x3F);
                write(0x80 | c & 0x3F);
            }
        }
    }

    /** Appends a decimal number, allocating nothing. */
    public void decimal(long value) {
        if (value < 0) {
            write('-');
        }
        long scale = 1;
        while (value / scale / 10 != 0) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            write('0' + (int) Math.abs(value / scale % 10));
        }
    }

    private void bytes(int first, int second) {
        write(first);
        write(second);
    }

    private boolean room(int needed) {
        if (buf.length - count >= needed) {
            return true;
        }
        if (count + (long) needed <= LIMIT) {
            try {
                buf = Arrays.copyOf(buf, (int) Math.min(LIMIT, Math.max(2L * buf.length, (long) count + needed)));
                return true;
            } catch (OutOfMemoryError noRoom) {
                // Keep what fits.
            }
        }
        truncated = true;
        return false;
    }
}
