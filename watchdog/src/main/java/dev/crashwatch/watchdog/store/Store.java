package dev.crashwatch.watchdog.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local store: counter files, the mode, kept malformed inputs, private run directories and logs,
 * all under one directory ({@code $CRASHWATCH_DIR}, else the user config directory + {@code /crashwatch}).
 * Layout and file format: {@code docs/store.md}.
 */
public final class Store {
    private final Path dir;

    private Store(Path dir) {
        this.dir = dir;
    }

    /** The store at the default location ({@code $CRASHWATCH_DIR}, else the user config directory). */
    public static Store openDefault() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The store at {@code dir}; nothing is created until something is written. */
    public static Store at(Path dir) {
        return new Store(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The effective mode: {@code CRASHWATCH_MODE}, else the mode file, else {@link Mode#LOCAL}. */
    public Mode mode() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Writes the mode file. */
    public void setMode(Mode mode) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Adds one to {@code counterName} in the file for {@code key}; durable when it returns. Safe against
     * other processes incrementing the same file at the same time and against kill -9 at any instant.
     * Does nothing when the mode is off.
     */
    public void increment(CounterFileKey key, String counterName) throws IOException {
        add(key, Map.of(counterName, 1L));
    }

    /** Adds several counts to the file for {@code key} in one atomic step (used by increment and import). */
    public void add(CounterFileKey key, Map<String, Long> counts) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Saves input that could not be parsed, whole, mode 0600, under the store; returns where. */
    public Path saveMalformed(byte[] raw) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Every counter file in the store, parsed; unreadable files are skipped. */
    public List<CounterFile> counterFiles() throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A new private directory (0700) for one run's FIFO; the caller deletes it when done. */
    public Path newRunDir() throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Path of a log file under the store's log directory (created on demand). */
    public Path logFile(String name) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }
}
