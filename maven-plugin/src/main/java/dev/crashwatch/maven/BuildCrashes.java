package dev.crashwatch.maven;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crashes counted since a {@link BuildStart}: for each counter file of the build's program and version, the
 * crash counters that grew, with by how much. Each is a {@link CounterFile} holding only those differences, so
 * the watchdog's own text view prints it.
 */
final class BuildCrashes {
    private BuildCrashes() {
    }

    /** The counter files, with what each crash counter gained since {@code start}; files with none are left out. */
    static List<CounterFile> since(BuildStart start, Store store) throws IOException {
        List<CounterFile> grown = new ArrayList<>();
        for (CounterFile file : store.counterFiles(Optional.of(start.program()), Optional.of(start.version()))) {
            String fileName = file.path().getFileName().toString();
            Map<String, Long> gained = new LinkedHashMap<>();
            file.counters().forEach((name, count) -> {
                long more = count - start.countBefore(fileName, name);
                if (CrashKind.isCrash(name) && more > 0) {
                    gained.put(name, more);
                }
            });
            if (!gained.isEmpty()) {
                grown.add(new CounterFile(file.path(), file.key(), gained));
            }
        }
        return grown;
    }

    /** How many crashes the files hold in all. */
    static long total(List<CounterFile> files) {
        return files.stream().flatMap(f -> f.counters().values().stream()).mapToLong(Long::longValue).sum();
    }
}
