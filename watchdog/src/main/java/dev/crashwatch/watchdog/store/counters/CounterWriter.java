package dev.crashwatch.watchdog.store.counters;

import dev.crashwatch.watchdog.store.files.AtomicFiles;
import dev.crashwatch.watchdog.store.files.DirectoryLock;
import dev.crashwatch.watchdog.store.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one read-modify-write path into counter files. Under the counters directory's lock: find the key's file
 * (the plain name, or the next {@code ~N} name when another key already holds it), read it, add the counts,
 * and replace it atomically (see {@link AtomicFiles}). A crash before the rename leaves the old file; after it,
 * the new one: recorded counts are never lost and no file is ever half-written.
 */
public final class CounterWriter {
    private final Path dir;
    private final DirectoryLock lock;

    public CounterWriter(Path dir, DirectoryLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** Adds {@code counts} (and records {@code importId} if not null); false if {@code importId} was there already. */
    public boolean add(CounterFileKey key, Map<String, Long> counts, String importId) throws IOException {
        return add(key, counts, importId, importId == null);
    }

    /**
     * The same; {@code local}: this machine's own crashes, which update the file's last recorded crash even under
     * an ID ({@link CounterFileContent#plus(Map, String, boolean)}).
     */
    public boolean add(CounterFileKey key, Map<String, Long> counts, String importId, boolean local)
            throws IOException {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() < 0 || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("a count must be >= 0 and a name non-empty: " + e.getKey() + "="
                        + e.getValue());
            }
        }
        // An inner class, not a lambda: this is on a crash's way to its counter, where a lambda's first use costs.
        return lock.holding(new DirectoryLock.Locked<Boolean>() {
            @Override
            public Boolean run() throws IOException {
                return addLocked(key, counts, importId, local);
            }
        });
    }

    /**
     * Adds an imported entry's {@code counts} and records {@code recordId}, unless the key's file already holds an ID
     * that {@code earlier} accepts; returns that ID then (nothing changed), else empty.
     */
    public Optional<String> addUnlessImported(CounterFileKey key, Map<String, Long> counts, String recordId,
                                              Predicate<String> earlier) throws IOException {
        return lock.holding(() -> {
            Optional<String> held = current(file(key)).flatMap(c -> c.imports().stream().filter(earlier).findFirst());
            if (held.isEmpty()) {
                addLocked(key, counts, recordId, false);
            }
            return held;
        });
    }

    /** The file that holds {@code key}'s counters, or would (the first candidate name free or holding the key). */
    private Path file(CounterFileKey key) throws IOException {
        for (int n = 1; ; n++) {
            Path file = CounterFileNames.candidate(dir, key, n);
            Optional<CounterFileContent> current = current(file);
            if (current.isEmpty() || current.get().key().equals(key)) {
                return file;
            }
        }
    }

    private boolean addLocked(CounterFileKey key, Map<String, Long> counts, String importId, boolean local)
            throws IOException {
        for (int n = 1; ; n++) {
            Path file = CounterFileNames.candidate(dir, key, n);
            Optional<CounterFileContent> current = current(file);
            if (current.isPresent() && !current.get().key().equals(key)) {
                continue;
            }
            CounterFileContent content = current.isPresent() ? current.get() : CounterFileContent.empty(key);
            if (importId != null && content.imports().contains(importId)) {
                return false;
            }
            byte[] bytes = CounterFileFormat.write(content.plus(counts, importId, local));
            AtomicFiles.replace(file, bytes, "." + file.getFileName() + AtomicFiles.TEMP_SUFFIX);
            return true;
        }
    }

    /** Runs {@link #add}'s code in memory, on no file: see {@code Store.prepareToCount()}. */
    public static void prepare() {
        CounterFileKey key = new CounterFileKey("prepare", "1", "17", "os", "arch", Weeks.current());
        Map<String, Long> counts = Map.of("crash/prepare", 1L);
        try {
            new CounterFileReader().read(CounterFileFormat.write(CounterFileContent.empty(key).plus(counts, null)));
        } catch (IOException e) {
            throw new IllegalStateException("a counter file written in memory did not read back", e);
        }
    }

    /** The file's content; empty when it does not exist or was unreadable (then it is set aside first). */
    private static Optional<CounterFileContent> current(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<CounterFileContent> content = new CounterFileReader().readFile(file); // only the file it replaces
        if (content.isEmpty()) {
            RegularFiles.setAside(file);
        }
        return content;
    }
}
