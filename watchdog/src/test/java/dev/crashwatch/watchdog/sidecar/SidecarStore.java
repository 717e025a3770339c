package dev.crashwatch.watchdog.sidecar;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A throw-away store for one test, the environment that points the agent at it, and the crashes counted in it. */
final class SidecarStore {
    private final Path dir;

    SidecarStore(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    /** This process's environment with no crashwatch or JVM options of its own, pointing at this store. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String name : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CRASHWATCH_MODE",
            "CRASHWATCH_WATCHDOG", "CRASHWATCH_JAVA", "CRASHWATCH_SIDECAR", "CRASHWATCH_NO_NATIVE"}) {
            env.remove(name);
        }
        env.put("CRASHWATCH_DIR", dir.toString());
        return env;
    }

    /** Every {@code crash/...} counter in the store, over all its counter files, summed by name. */
    Map<String, Long> crashCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (CounterFile file : Store.at(dir).counterFiles()) {
                file.counters().forEach((name, n) -> {
                    if (name.startsWith("crash/")) {
                        counts.merge(name, n, Long::sum);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    long totalCrashes() {
        return crashCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The count of the one counter whose name starts with {@code prefix}; 0 if none, -1 if several. */
    long countOf(String prefix) {
        Map<String, Long> matching = new HashMap<>();
        crashCounts().forEach((name, n) -> {
            if (name.startsWith(prefix)) {
                matching.put(name, n);
            }
        });
        return matching.isEmpty() ? 0 : matching.size() > 1 ? -1 : matching.values().iterator().next();
    }

    /** Kills whatever sidecar of this store is left (a failed test must not leave processes behind). */
    void killLeftovers() {
        for (long pid : SidecarProcesses.all(dir)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
