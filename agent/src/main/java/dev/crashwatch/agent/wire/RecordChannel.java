package dev.crashwatch.agent.wire;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes records to the crash pipe as {@link Wire} frames: one {@code write(2)} per frame, records of this JVM one
 * after the other, nothing allocated (the frame buffer is made once). A write that fails (EPIPE: the watchdog is
 * gone) marks the channel dead; a write that someone gave up waiting for marks it stuck. Either way every later
 * record is skipped, silently.
 */
public final class RecordChannel {
    /** 0 until first asked for: reading it costs a class and a syscall that premain's path need not pay. */
    private volatile long pid;
    private final byte[] frame = new byte[Wire.MAX_FRAME];
    private volatile OutputStream out;
    /** The pipe seen from its read side, for what is queued in it (FIONREAD); null when out is not a file. */
    private volatile FileInputStream queue;
    private volatile boolean stuck;
    private volatile boolean dead;
    private volatile boolean silenced;
    /** Not guarded by the channel's lock: a write blocked in a full pipe holds it, and a crash must not wait. */
    private final AtomicLong nextRecord = new AtomicLong();
    /**
     * The numbers of the last records written whole (a JVM writes few; -1: none), newest at {@code delivered % 8};
     * guarded by itself, not by the channel (a plain array: an {@code AtomicLongArray} would start the JDK's
     * {@code VarHandle} machinery on premain's path, ~0.4 ms).
     */
    private final long[] recentlyDelivered = {-1, -1, -1, -1, -1, -1, -1, -1};
    private int delivered;
    private volatile boolean byeWritten;

    /** A channel for this JVM's records (its pid read when first needed); {@code out} null until connected. */
    public RecordChannel(OutputStream out) {
        connect(out);
    }

    /** A channel for records of the JVM {@code pid}. */
    public RecordChannel(long pid, OutputStream out) {
        this.pid = pid;
        connect(out);
    }

    /** The pid in this channel's frames: this JVM's, read once (by crashwatch-start, before anything is written). */
    public long pid() {
        long known = pid;
        if (known == 0) {
            known = Pid.current();
            pid = known;
        }
        return known;
    }

    /** Connects the channel to its pipe once it exists (sidecar mode: after the sidecar started). */
    public void connect(OutputStream pipe) {
        queue = queueOf(pipe);
        out = pipe;
    }

    private static FileInputStream queueOf(OutputStream pipe) {
        try {
            return pipe instanceof FileOutputStream ? new FileInputStream(((FileOutputStream) pipe).getFD()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a record written now could reach a reader. */
    public boolean usable() {
        return out != null && !stuck && !dead;
    }

    /** The agent stands down: nothing more is written, silently. */
    public void silence() {
        silenced = true;
        dead = true;
    }

    /** Whether the agent stood down (then a record that was not written is not spooled either). */
    public boolean silenced() {
        return silenced;
    }

    /** Reserves the number of the next record, for a caller that must know it before writing (to spool it). */
    public long nextRecord() {
        return nextRecord.getAndIncrement();
    }

    /** Whether record {@code record} was written whole into the pipe (asked about one of the last 8 written). */
    public boolean delivered(long record) {
        synchronized (recentlyDelivered) {
            for (long written : recentlyDelivered) {
                if (written == record) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Whether a record of {@code length} bytes can be written by the caller itself, without a thread to bound the
     * wait: it fits in one frame (one atomic {@code write(2)} of at most PIPE_BUF bytes) and the pipe is empty (its
     * reader keeps up), and such a write into an empty pipe never blocks. Never throws.
     */
    public boolean writableAtOnce(int length) {
        FileInputStream pipe = queue;
        if (pipe == null || length > Wire.MAX_PAYLOAD) {
            return false;
        }
        try {
            return pipe.available() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Someone waited for a write in vain: the reader is stuck; skip everything from now on. */
    void markStuck() {
        stuck = true;
    }

    boolean stuck() {
        return stuck;
    }

    /** Whether the goodbye is out (or being written): the JVM is exiting in an orderly way. */
    public boolean byeWritten() {
        return byeWritten;
    }

    /**
     * Writes one record, blocking while the pipe is full. Never throws. Records go out in the order they are written:
     * a JVM that exits at once may say goodbye before crashwatch-start's hello, which the watchdog allows for.
     */
    public synchronized boolean write(String kind, byte[] payload, int length) {
        return write(kind, payload, length, nextRecord());
    }

    /** Writes one record under a number from {@link #nextRecord()}; true when it was written whole. Never throws. */
    public synchronized boolean write(String kind, byte[] payload, int length, long record) {
        OutputStream pipe = out;
        if (pipe == null || stuck || dead) {
            return false;
        }
        if (Wire.BYE.equals(kind)) {
            byeWritten = true;
        }
        int done = 0;
        int part = 0;
        try {
            do {
                int n = Math.min(Wire.MAX_PAYLOAD, length - done);
                boolean more = done + n < length;
                int header = Wire.writeHeader(frame, 0, pid(), kind, record, part, more, n);
                System.arraycopy(payload, done, frame, header, n);
                pipe.write(frame, 0, header + n);
                pipe.flush();
                done += n;
                part++;
            } while (done < length);
            synchronized (recentlyDelivered) {
                recentlyDelivered[delivered++ % recentlyDelivered.length] = record;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            dead = true;
            return false;
        }
    }
}
