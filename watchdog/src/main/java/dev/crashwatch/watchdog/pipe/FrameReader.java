package dev.crashwatch.watchdog.pipe;

import dev.crashwatch.agent.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the crash pipe ({@code docs/protocol.md}): frames in, records and garbage out. It never fails on its
 * input: bytes that are not a frame are handed over as garbage up to the next line starting {@code CW1 }; a
 * record is capped at {@link #MAX_RECORD} bytes; records cut off by the end of the stream come out incomplete.
 * Reading stops at end of stream or at an {@code END} frame written by {@code endPid} (the watchdog itself).
 */
public final class FrameReader implements Runnable {
    /** Largest record (and largest garbage chunk) kept; the rest is dropped and the record marked incomplete. */
    public static final int MAX_RECORD = 64 << 20;

    private final InputStream in;
    private final PipeListener listener;
    private final long endPid;
    private final int maxRecord;
    private final RecordAssembler assembler;
    private final ByteArrayOutputStream garbage = new ByteArrayOutputStream();
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private volatile long consumed;
    private volatile boolean stopping;

    /**
     * @param endPid the pid whose {@code END} frame stops reading; 0 to read to end of stream only
     */
    public FrameReader(InputStream in, PipeListener listener, long endPid) {
        this(in, listener, endPid, MAX_RECORD);
    }

    FrameReader(InputStream in, PipeListener listener, long endPid, int maxRecord) {
        this.in = in;
        this.listener = listener;
        this.endPid = endPid;
        this.maxRecord = maxRecord;
        this.assembler = new RecordAssembler(maxRecord);
    }

    /** Reads until end of stream, an {@code END} frame from {@code endPid}, or a read error. */
    @Override
    public void run() {
        try {
            readFrames();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // A broken pipe (or a heap too small for a huge record) ends the stream like EOF does: whatever is
            // pending is reported below. The writers' bounded writes keep the application unharmed.
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
                addGarbage(line, 0, n);
                if (!ended) {
                    skipRestOfLine();
                }
                continue;
            }
            flushGarbage();
            byte[] payload = new byte[h.length()];
            int got = readFully(payload);
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

    /** Consumes bytes into the garbage up to and including the next newline. */
    private void skipRestOfLine() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return;
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            boolean found = pos < limit;
            if (found) {
                pos++;
            }
            addGarbage(buf, start, pos - start);
            if (found) {
                return;
            }
        }
    }

    private int readFully(byte[] into) throws IOException {
        int n = 0;
        while (n < into.length) {
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
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
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
        int room = maxRecord - garbage.size();
        if (len > room) {
            garbage.write(bytes, off, room);
            flushGarbage();
            addGarbage(bytes, off + room, len - room);
            return;
        }
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
