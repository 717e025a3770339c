package dev.crashwatch.agent;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes records to the crash pipe as {@link Wire} frames: one {@code write(2)} per frame, records of this JVM one
 * after the other, nothing allocated (the frame buffer is made once). A write that fails (EPIPE: the watchdog is
 * gone) marks the channel dead; a write that someone gave up waiting for marks it stuck. Either way every later
 * record is skipped, silently.
 */
final class RecordChannel {
    private final long pid;
    private final byte[] frame = new byte[Wire.MAX_FRAME];
    private volatile OutputStream out;
    private volatile boolean stuck;
    private volatile boolean dead;
    private long nextRecord;

    RecordChannel(long pid, OutputStream out) {
        this.pid = pid;
        this.out = out;
    }

    long pid() {
        return pid;
    }

    /** Connects the channel to its pipe once it exists (sidecar mode: after the sidecar started). */
    void connect(OutputStream pipe) {
        out = pipe;
    }

    /** Whether a record written now could reach a reader. */
    boolean usable() {
        return out != null && !stuck && !dead;
    }

    /** Someone waited for a write in vain: the reader is stuck; skip everything from now on. */
    void markStuck() {
        stuck = true;
    }

    boolean stuck() {
        return stuck;
    }

    /** Writes one record, blocking while the pipe is full. Never throws. */
    synchronized void write(String kind, byte[] payload, int length) {
        OutputStream pipe = out;
        if (pipe == null || stuck || dead) {
            return;
        }
        long record = nextRecord++;
        int done = 0;
        int part = 0;
        try {
            do {
                int n = Math.min(Wire.MAX_PAYLOAD, length - done);
                boolean more = done + n < length;
                int header = Wire.writeHeader(frame, 0, pid, kind, record, part, more, n);
                System.arraycopy(payload, done, frame, header, n);
                pipe.write(frame, 0, header + n);
                pipe.flush();
                done += n;
                part++;
            } while (done < length);
        } catch (IOException | RuntimeException e) {
            dead = true;
        }
    }
}
