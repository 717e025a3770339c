package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.util.HashMap;
import java.util.Map;

/** One version's crash counts summed over its counter files, and its runs (when the watchdog counted them). */
final class VersionTally {
    final Map<String, Long> crashes = new HashMap<>();
    long runs;

    void add(CounterFile file) {
        file.counters().forEach((name, n) -> {
            if (name.equals(Store.RUNS_COUNTER)) {
                runs += n;
            } else if (CrashKind.isCrash(name)) {
                crashes.merge(name, n, Long::sum);
            }
        });
    }
}
