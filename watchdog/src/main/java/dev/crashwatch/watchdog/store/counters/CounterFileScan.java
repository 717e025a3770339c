package dev.crashwatch.watchdog.store.counters;

import dev.crashwatch.watchdog.store.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reading the counters directory: every (or some) counter file parsed, in parallel, through the derived
 * {@link CounterFileCache}; which files are unreadable; the most recently recorded crash. Takes no lock: writers
 * replace files whole, so a reader sees each file's old or new content, never a mix.
 */
public final class CounterFileScan {
    /** Modification times may be this coarse (FAT, HFS+); comparisons with them leave this margin. */
    private static final long MTIME_GRANULARITY_MILLIS = 2000;
    private final Path counterDir;
    private final Path cacheFile;

    public CounterFileScan(Path counterDir, Path cacheFile) {
        this.counterDir = counterDir;
        this.cacheFile = cacheFile;
    }

    public Path cacheFile() {
        return cacheFile;
    }

    /**
     * Reads the counter files whose names pass {@code nameFilter}, in parallel, sharing equal names, through the
     * derived cache ({@link CounterFileCache}) for files unchanged since it was written.
     */
    public List<CounterFile> read(Predicate<String> nameFilter) throws IOException {
        List<Path> paths = paths();
        CounterFileCache cache = CounterFileCache.load(cacheFile);
        cache.retainOnly(paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        CounterFileReader reader = new CounterFileReader();
        List<CounterFile> files = paths.parallelStream().filter(p -> nameFilter.test(p.getFileName().toString()))
                .map(p -> readCached(p, cache, reader)).flatMap(Optional::stream).toList();
        cache.saveIfChanged();
        return files;
    }

    private static Optional<CounterFile> readCached(Path p, CounterFileCache cache, CounterFileReader reader) {
        try {
            CounterFileCache.Stamp stamp = CounterFileCache.Stamp.of(p);
            CounterFile cached = cache.get(p, stamp);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<CounterFile> parsed = reader.readFile(p).map(c -> new CounterFile(p, c.key(), c.counters()));
            parsed.ifPresent(f -> cache.put(stamp, f));
            return parsed;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Counter-named files that don't parse, and files a writer set aside. */
    public List<Path> unreadable() throws IOException {
        Set<Path> readable = new HashSet<>();
        read(name -> true).forEach(f -> readable.add(f.path()));
        List<Path> bad = new ArrayList<>();
        for (Path p : RegularFiles.list(counterDir, p -> !p.getFileName().toString().equals(CounterFileNames.LOCK_FILE))) {
            boolean setAside = p.getFileName().toString().contains(RegularFiles.UNREADABLE);
            if (setAside || CounterFileNames.isCounterFile(p) && !readable.contains(p)) {
                bad.add(p);
            }
        }
        return bad;
    }

    /**
     * The crash this store recorded last (imports aside), if any. Reads files newest first and stops early: a
     * file's last recorded crash is never later than the file's modification time (give or take the file
     * system's clock granularity).
     */
    public Optional<RecentCrash> mostRecentCrash() throws IOException {
        List<Map.Entry<Path, Long>> byTime = new ArrayList<>();
        for (Path p : paths()) {
            try {
                byTime.add(Map.entry(p, Files.getLastModifiedTime(p).toMillis()));
            } catch (NoSuchFileException e) {
                // deleted meanwhile
            }
        }
        byTime.sort(Map.Entry.<Path, Long>comparingByValue().reversed());
        RecentCrash best = null;
        for (Map.Entry<Path, Long> file : byTime) {
            if (best != null && file.getValue() < best.last().at().toEpochMilli() - MTIME_GRANULARITY_MILLIS) {
                break;
            }
            Optional<CounterFileContent> c = new CounterFileReader().readFile(file.getKey());
            if (c.isPresent() && c.get().last().isPresent()
                    && (best == null || c.get().last().get().at().isAfter(best.last().at()))) {
                best = new RecentCrash(c.get().key(), c.get().last().get());
            }
        }
        return Optional.ofNullable(best);
    }

    private List<Path> paths() throws IOException {
        return RegularFiles.list(counterDir, CounterFileNames::isCounterFile);
    }
}
