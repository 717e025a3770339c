package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the crash pipe ({@code docs/protocol.md}): frames in, records and garbage out. It never fails on its
 * input and its memory is bounded whatever arrives. Bytes that are not a frame are handed over as garbage, and
 * reading resynchronises at the next {@code CW1 } that starts a valid header, wherever it is: after bytes without
 * a newline, inside a line, or inside the declared payload of a frame whose header was cut or forged (a payload
 * never holds a valid header line). A garbage run or a record longer than the reader keeps comes out as its start
 * and its end ({@link BoundedBytes}); records cut off by the end of the stream come out incomplete. Reading stops
 * at end of stream or at an {@code END} frame written by {@code endPid} (the watchdog itself).
 */
public final class FrameReader implements Runnable {
    /** Bytes of a garbage run kept from its start and from its end. */
    static final int GARBAGE_HEAD = 64 << 10;
    static final int GARBAGE_TAIL = 64 << 10;
    private static final int MAGIC = 4;

    private final InputStream in;
    private final PipeListener listener;
    private final long endPid;
    private final RecordAssembler assembler = new RecordAssembler();
    private final BoundedBytes garbage = new BoundedBytes(GARBAGE_HEAD, GARBAGE_TAIL);
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    /** Bytes given back to be read again (a header found inside what was taken for a line or a payload). */
    private byte[] back = new byte[0];
    private int backPos;
    private volatile long consumed;
    private volatile boolean stopping;

    /**
     * @param endPid the pid whose {@code END} frame stops reading; 0 to read to end of stream only
     */
    public FrameReader(InputStream in, PipeListener listener, long endPid) {
        this.in = in;
        this.listener = listener;
        this.endPid = endPid;
    }

    /** Reads until end of stream, an {@code END} frame from {@code endPid}, or a read error. */
    @Override
    public void run() {
        try {
            readFrames();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // A broken pipe ends the stream like EOF does: whatever is pending is reported below. The writers'
            // bounded writes keep the application unharmed.
        }
        flushGarbage();
        for (PipeRecord r : assembler.drain()) {
            listener.onRecord(r);
        }
    }

    private void readFrames() throws IOException {
        byte[] line = new byte[Wire.MAX_HEADER + 1];
        while (true) {
            int n = readLine(line);
            if (n < 0) {
                return;
            }
            boolean ended = n <= Wire.MAX_HEADER && line[n - 1] == '\n';
            FrameHeader h = ended ? FrameHeader.parse(line, n - 1) : null;
            if (h == null) {
                skipNotAHeader(line, n, ended);
                continue;
            }
            byte[] payload = new byte[h.length()];
            int got = readFully(payload);
            int inner = headerInside(payload, got);
            if (inner >= 0) {
                // The declared length swallowed a real frame: the outer header was cut or forged.
                addGarbage(line, 0, n);
                addGarbage(payload, 0, inner);
                unread(payload, inner, got - inner);
                continue;
            }
            flushGarbage();
            if (got < payload.length) {
                // Cut off by the end of the stream: kept as a part still waiting for more, drained as incomplete.
                FrameHeader cut = new FrameHeader(h.pid(), h.kind(), h.number(), h.part(), true, got);
                assembler.add(cut, Arrays.copyOf(payload, got));
                return;
            }
            if (h.kind().equals(Wire.END) && h.pid() == endPid) {
                return;
            }
            for (PipeRecord r : assembler.add(h, payload)) {
                listener.onRecord(r);
            }
        }
    }

    /**
     * A line that is no header: garbage up to the first {@code CW1 } inside it (read again from there), else all of
     * it; a line that did not end within a header's length keeps its last bytes, where a {@code CW1 } may begin.
     */
    private void skipNotAHeader(byte[] line, int n, boolean ended) {
        int magic = indexOfMagic(line, 1, n);
        if (magic > 0) {
            addGarbage(line, 0, magic);
            unread(line, magic, n - magic);
        } else if (!ended && n > MAGIC - 1 && n == line.length) {
            addGarbage(line, 0, n - (MAGIC - 1));
            unread(line, n - (MAGIC - 1), MAGIC - 1);
        } else {
            addGarbage(line, 0, n);
        }
    }

    /**
     * Where a valid header line starts inside the first {@code got} bytes of a payload, or -1. A header line that
     * runs past the payload is completed from bytes already read ahead (never waiting for more input).
     */
    private int headerInside(byte[] payload, int got) {
        byte[] window = Arrays.copyOf(payload, got + Wire.MAX_HEADER + 1);
        int size = got;
        for (int b; size < window.length && (b = peek(size - got)) >= 0; size++) {
            window[size] = (byte) b;
        }
        for (int at = indexOfMagic(window, 0, size); at >= 0 && at < got; at = indexOfMagic(window, at + 1, size)) {
            int end = Math.min(size, at + Wire.MAX_HEADER + 1);
            for (int i = at; i < end; i++) {
                if (window[i] == '\n') {
                    if (FrameHeader.parse(Arrays.copyOfRange(window, at, i), i - at) != null) {
                        return at;
                    }
                    break;
                }
            }
        }
        return -1;
    }

    private static int indexOfMagic(byte[] bytes, int from, int to) {
        for (int i = from; i + MAGIC <= to; i++) {
            if (FrameHeader.startsWithMagic(bytes, i, to)) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes read from the stream so far: lets the owner tell a reader that waits for input from one that works. */
    public long consumed() {
        return consumed;
    }

    /**
     * Makes the reader stop at its next read as if the stream had ended: what it holds of a frame is reported as
     * incomplete. For a reader stuck in the middle of a frame that will never be finished (a writer died
     * mid-record); the owner then writes a few bytes into the stream to wake it.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Reads up to and including {@code \n}, at most {@code line.length} bytes; -1 at end of stream with nothing
     * read. Returns fewer bytes without a newline when the line is longer or the stream ends.
     */
    private int readLine(byte[] line) throws IOException {
        int n = 0;
        while (n < line.length) {
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            line[n++] = (byte) b;
            if (b == '\n') {
                return n;
            }
        }
        return n;
    }

    private int readFully(byte[] into) throws IOException {
        int n = 0;
        while (n < into.length) {
            if (backPos < back.length) {
                int k = Math.min(into.length - n, back.length - backPos);
                System.arraycopy(back, backPos, into, n, k);
                backPos += k;
                n += k;
                continue;
            }
            if (pos == limit && !fill()) {
                return n;
            }
            int k = Math.min(into.length - n, limit - pos);
            System.arraycopy(buf, pos, into, n, k);
            pos += k;
            n += k;
        }
        return n;
    }

    private int read() throws IOException {
        if (backPos < back.length) {
            return back[backPos++] & 0xff;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** The byte {@code ahead} places past the next one to be read, if already read ahead; -1 otherwise. */
    private int peek(int ahead) {
        int inBack = back.length - backPos;
        if (ahead < inBack) {
            return back[backPos + ahead] & 0xff;
        }
        int at = pos + ahead - inBack;
        return at < limit ? buf[at] & 0xff : -1;
    }

    /** Puts bytes back in front of what is still to be read. */
    private void unread(byte[] bytes, int off, int len) {
        byte[] rest = new byte[len + back.length - backPos];
        System.arraycopy(bytes, off, rest, 0, len);
        System.arraycopy(back, backPos, rest, len, back.length - backPos);
        back = rest;
        backPos = 0;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0 || stopping) {
            return false;
        }
        consumed += n;
        pos = 0;
        limit = n;
        return true;
    }

    private void addGarbage(byte[] bytes, int off, int len) {
        garbage.write(bytes, off, len);
    }

    private void flushGarbage() {
        if (garbage.size() > 0) {
            byte[] bytes = garbage.toByteArray();
            garbage.reset();
            listener.onGarbage(bytes);
        }
    }
}
