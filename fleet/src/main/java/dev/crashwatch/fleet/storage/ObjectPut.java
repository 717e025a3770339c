package dev.crashwatch.fleet.storage;

/** One object to store: its key and its bytes ({@link ObjectStore#putAll}). */
public record ObjectPut(String key, byte[] bytes) {
}
