package dev.crashwatch.watchdog.pipe;

/** Receives what the {@link FrameReader} finds on the pipe, in order, on the reading thread. */
public interface PipeListener {
    /** A record, complete or not. */
    void onRecord(PipeRecord record);

    /** Bytes that were not part of any valid frame (skipped up to the next line starting {@code CW1 }). */
    void onGarbage(byte[] bytes);
}
