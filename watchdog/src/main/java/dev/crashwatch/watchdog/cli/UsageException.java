package dev.crashwatch.watchdog.cli;

/** Thrown by a command for bad usage; Main prints its message as one line and exits 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
