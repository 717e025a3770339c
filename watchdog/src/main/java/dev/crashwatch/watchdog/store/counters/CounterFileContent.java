package dev.crashwatch.watchdog.store.counters;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one counter file holds: its key, its counters, and the IDs of the imported report entries already
 * added into it (so importing the same report again adds nothing).
 */
record CounterFileContent(CounterFileKey key, Map<String, Long> counters, Set<String> imports,
                          Optional<LastRecorded> last) {

    static CounterFileContent empty(CounterFileKey key) {
        return new CounterFileContent(key, new LinkedHashMap<>(), new LinkedHashSet<>(), Optional.empty());
    }

    /**
     * This content plus {@code counts} (names added to or created), and {@code importId} if not null; a local
     * add (no import ID) of a {@code crash/} counter becomes the file's last recorded crash.
     */
    CounterFileContent plus(Map<String, Long> counts, String importId) {
        return plus(counts, importId, importId == null);
    }

    /**
     * The same; {@code local} says the counts are this machine's own crashes (a run finished under its ID is), so a
     * {@code crash/} counter among them becomes the file's last recorded crash, ID or not.
     */
    CounterFileContent plus(Map<String, Long> counts, String importId, boolean local) {
        // Plain loops: this is on a crash's way to its counter, where each lambda's first use costs (docs/store.md).
        Map<String, Long> merged = new LinkedHashMap<>(counters);
        String crash = null;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Long before = merged.get(e.getKey());
            merged.put(e.getKey(), before == null ? e.getValue() : Counts.add(before, e.getValue()));
            if (e.getKey().startsWith("crash/") && (crash == null || e.getKey().compareTo(crash) < 0)) {
                crash = e.getKey();
            }
        }
        Set<String> ids = new LinkedHashSet<>(imports);
        if (importId != null) {
            ids.add(importId);
        }
        Optional<LastRecorded> newLast = last;
        if (local && crash != null) {
            newLast = Optional.of(new LastRecorded(crash, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        return new CounterFileContent(key, merged, ids, newLast);
    }
}
