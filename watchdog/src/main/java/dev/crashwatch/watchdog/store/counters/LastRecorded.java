package dev.crashwatch.watchdog.store.counters;

import java.time.Instant;

/**
 * The crash a counter file recorded last, and when (to the millisecond): kept in the file so {@code status} can show
 * the most recent crash. Imports do not change it; reports never carry it.
 */
public record LastRecorded(String name, Instant at) {
}
