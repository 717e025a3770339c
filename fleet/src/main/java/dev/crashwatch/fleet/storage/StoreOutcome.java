package dev.crashwatch.fleet.storage;

/** What {@link ReportArchive#store} did with a report. */
public enum StoreOutcome {
    /** Stored now; durable. */
    STORED,
    /** The same report was stored before (same ID, same content): nothing written again. */
    ALREADY_STORED,
    /** Another report is stored under this ID: nothing written. */
    CONFLICT
}
