package dev.crashwatch.fleet.storage;

import java.util.List;
import java.util.Optional;

/**
 * Whole objects under slash-separated keys ({@code received=2026-12-03/<id>.json}): the one thing that differs between
 * a folder and S3. {@link #put} returns only once the object is durable under its key, and a reader never sees part
 * of one: it sees the old object, the new one, or none.
 */
public interface ObjectStore extends AutoCloseable {
    /** Stores {@code bytes} under {@code key}, replacing what was there; durable when this returns. */
    void put(String key, byte[] bytes) throws StorageException;

    /** The object under {@code key}, if there is one. */
    Optional<byte[]> get(String key) throws StorageException;

    /** True if an object is stored under {@code key}. */
    boolean exists(String key) throws StorageException;

    /** The keys that start with {@code prefix}, in no particular order (for tests, checks and tools). */
    List<String> list(String prefix) throws StorageException;

    /** Where it stores, for messages: a folder path or an {@code s3://} URL. */
    String describe();

    @Override
    void close();
}
