package dev.crashwatch.fleet.storage;

/** The storage could not read or write (disk full, I/O error, object store unreachable): try again later. */
public final class StorageException extends Exception {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
