package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One version's crash counts summed over its counter files, its runs (when the watchdog counted them), and the Java
 * versions it ran on: in all, and per crash.
 */
final class VersionTally {
    final Map<String, Long> crashes = new HashMap<>();
    final Map<String, Set<String>> crashJavas = new HashMap<>();
    final Set<String> javaVersions = new HashSet<>();
    long runs;

    void add(CounterFile file) {
        String java = file.key().javaVersion();
        javaVersions.add(java);
        file.counters().forEach((name, n) -> {
            if (name.equals(Store.RUNS_COUNTER)) {
                runs += n;
            } else if (CrashKind.isCrash(name)) {
                crashes.merge(name, n, Long::sum);
                crashJavas.computeIfAbsent(name, k -> new HashSet<>()).add(java);
            }
        });
    }
}
