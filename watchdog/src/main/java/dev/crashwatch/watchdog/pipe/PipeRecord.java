package dev.crashwatch.watchdog.pipe;

/**
 * One record read from the crash pipe, its frames joined.
 *
 * @param pid      the writing JVM
 * @param kind     {@code HELLO}, {@code CRASH}, {@code BYE}, {@code END} (or a kind this reader does not know)
 * @param number   the record's number within its JVM
 * @param payload  the joined payload (at most {@link FrameReader#MAX_RECORD} bytes)
 * @param complete false when the record's frames stopped early, broke their order, or exceeded the size cap
 */
public record PipeRecord(long pid, String kind, long number, byte[] payload, boolean complete) {
}
