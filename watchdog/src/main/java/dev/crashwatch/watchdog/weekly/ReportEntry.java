package dev.crashwatch.watchdog.weekly;

import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.time.LocalDate;
import java.util.Map;

/** One program version's counters for the report's week, on one Java version, OS and arch. */
public record ReportEntry(String program, String version, String javaVersion, String os, String arch,
                          Map<String, Long> counters) {

    /** The counter file this entry belongs in. */
    public CounterFileKey key(LocalDate week) {
        return new CounterFileKey(program, version, javaVersion, os, arch, week);
    }
}
