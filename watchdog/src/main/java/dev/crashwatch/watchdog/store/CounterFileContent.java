package dev.crashwatch.watchdog.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one counter file holds: its key, its counters, and the IDs of the imported report entries already
 * added into it (so importing the same report again adds nothing).
 */
record CounterFileContent(CounterFileKey key, Map<String, Long> counters, Set<String> imports) {

    static CounterFileContent empty(CounterFileKey key) {
        return new CounterFileContent(key, new LinkedHashMap<>(), new LinkedHashSet<>());
    }

    /** This content plus {@code counts} (names added to or created), and {@code importId} if not null. */
    CounterFileContent plus(Map<String, Long> counts, String importId) {
        Map<String, Long> merged = new LinkedHashMap<>(counters);
        counts.forEach((name, n) -> merged.merge(name, n, Math::addExact));
        Set<String> ids = new LinkedHashSet<>(imports);
        if (importId != null) {
            ids.add(importId);
        }
        return new CounterFileContent(key, merged, ids);
    }
}
