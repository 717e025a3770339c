package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.RecentCrash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@code crashwatch status} tells a user about their store: mode, location, counter files and their size,
 * the weeks they cover, the most recent crash, and how many malformed inputs and unreadable files are kept.
 *
 * @param weeks the distinct weeks (Mondays) that have a counter file, oldest first
 */
public record StoreStatus(ModeSetting mode, Path dir, int counterFiles, long counterBytes, List<LocalDate> weeks,
                          Optional<RecentCrash> mostRecentCrash, int malformedKept, List<Path> unreadableFiles) {

    public static StoreStatus of(Store store) throws IOException {
        List<CounterFile> files = store.counterFiles();
        long bytes = 0;
        TreeSet<LocalDate> weeks = new TreeSet<>();
        for (CounterFile f : files) {
            bytes += Files.size(f.path());
            weeks.add(f.key().weekStart());
        }
        return new StoreStatus(store.modeSetting(), store.dir(), files.size(), bytes, List.copyOf(weeks),
                store.mostRecentCrash(), store.malformedFiles().size(), store.unreadableFiles());
    }
}
