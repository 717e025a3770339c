package dev.crashwatch.watchdog.store.counters;

/** The most recently recorded crash of a store: which file (key) and which counter, when. */
public record RecentCrash(CounterFileKey key, LastRecorded last) {
}
