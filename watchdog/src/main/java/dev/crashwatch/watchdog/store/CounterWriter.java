package dev.crashwatch.watchdog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one read-modify-write path into counter files. Under the counters directory's lock: find the key's file
 * (the plain name, or the next {@code ~N} name when another key already holds it), read it, add the counts,
 * and replace it atomically (see {@link AtomicFiles}). A crash before the rename leaves the old file; after it,
 * the new one: recorded counts are never lost and no file is ever half-written.
 */
final class CounterWriter {
    private final Path dir;
    private final DirectoryLock lock;

    CounterWriter(Path dir, DirectoryLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** Adds {@code counts} (and records {@code importId} if not null); false if {@code importId} was there already. */
    boolean add(CounterFileKey key, Map<String, Long> counts, String importId) throws IOException {
        counts.forEach((name, n) -> {
            if (n < 0 || name.isEmpty()) {
                throw new IllegalArgumentException("a count must be >= 0 and a name non-empty: " + name + "=" + n);
            }
        });
        return lock.holding(() -> {
            for (int n = 1; ; n++) {
                Path file = CounterFileNames.candidate(dir, key, n);
                Optional<CounterFileContent> current = current(file);
                if (current.isPresent() && !current.get().key().equals(key)) {
                    continue;
                }
                CounterFileContent content = current.orElseGet(() -> CounterFileContent.empty(key));
                if (importId != null && content.imports().contains(importId)) {
                    return false;
                }
                byte[] bytes = CounterFileFormat.write(content.plus(counts, importId));
                AtomicFiles.replace(file, bytes, "." + file.getFileName() + AtomicFiles.TEMP_SUFFIX);
                return true;
            }
        });
    }

    /** The file's content; empty when it does not exist or was unreadable (then it is set aside first). */
    private static Optional<CounterFileContent> current(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<CounterFileContent> content = Store.read(file);
        if (content.isEmpty()) {
            Store.setAside(file);
        }
        return content;
    }
}
