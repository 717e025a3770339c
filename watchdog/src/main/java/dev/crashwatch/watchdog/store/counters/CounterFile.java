package dev.crashwatch.watchdog.store.counters;

import java.nio.file.Path;
import java.util.Map;

/** One counter file as read from the store: its key and its counters (name to count). */
public record CounterFile(Path path, CounterFileKey key, Map<String, Long> counters) {
}
