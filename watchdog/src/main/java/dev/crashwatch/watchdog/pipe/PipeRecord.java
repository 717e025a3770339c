package dev.crashwatch.watchdog.pipe;

/**
 * One record read from the crash pipe, its frames joined.
 *
 * @param pid      the writing JVM
 * @param kind     {@code HELLO}, {@code CRASH}, {@code BYE}, {@code END} (or a kind this reader does not know)
 * @param number   the record's number within its JVM
 * @param payload  the joined payload; for a record longer than the reader keeps, its start and its end
 *                 (see {@code BoundedBytes})
 * @param complete false when the record's frames stopped early or broke their order
 * @param elided   how many bytes of the middle of a very long record were dropped (0 for almost every record)
 */
public record PipeRecord(long pid, String kind, long number, byte[] payload, boolean complete, long elided) {
    /** A record kept whole. */
    public PipeRecord(long pid, String kind, long number, byte[] payload, boolean complete) {
        this(pid, kind, number, payload, complete, 0);
    }
}
