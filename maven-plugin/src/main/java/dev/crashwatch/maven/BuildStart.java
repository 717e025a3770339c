package dev.crashwatch.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code prepare-agent} leaves in {@code target/} for {@code report}: the store the test JVMs count in, the name
 * and version they count under, when the build started, and the counts that store already held for that name and
 * version then (counter file name to counter name to count). Counter files count by week, so the crashes of this
 * build are the difference between then and now.
 *
 * @param startedMillis when prepare-agent ran (the sidecars of this build's JVMs started after it)
 */
record BuildStart(Path store, String program, String version, long startedMillis,
                  Map<String, Map<String, Long>> counts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The store's counts for {@code program@version} now. */
    static BuildStart take(Store store, String program, String version) throws IOException {
        return new BuildStart(store.dir(), program, version, System.currentTimeMillis(),
                countsOf(store.counterFiles(Optional.of(program), Optional.of(version))));
    }

    /** Counter file name to counter name to count. */
    static Map<String, Map<String, Long>> countsOf(List<CounterFile> files) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (CounterFile file : files) {
            counts.put(file.path().getFileName().toString(), new LinkedHashMap<>(file.counters()));
        }
        return counts;
    }

    /** How often {@code counter} had been counted in the file named {@code fileName} when the build started. */
    long countBefore(String fileName, String counter) {
        return counts.getOrDefault(fileName, Map.of()).getOrDefault(counter, 0L);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }

    /** The marker at {@code file}; empty when prepare-agent did not run (or wrote nothing) in this project. */
    static Optional<BuildStart> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), BuildStart.class));
    }
}
