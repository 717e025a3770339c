package dev.crashwatch.watchdog.watch;

import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one finished run gathered in memory and added in one step per counter file under the run's ID
 * ({@link Store#addOnce}), so that the run counts once however many watchdogs finish it: the native launcher's Java
 * half and a later watchdog that finished its pending run while it was stopped or slow (docs/native.md, "Pending
 * runs"). Every count goes in the week the run ended, not the week it is recorded in, and what it keeps as malformed
 * input is saved under names made from the ID, so that saving it twice keeps one copy.
 */
public final class RunBatch {
    private final Store store;
    private final String id;
    private final LocalDate week;
    private final Map<CounterFileKey, Map<String, Long>> counts = new LinkedHashMap<>();
    private int malformed;

    /** {@code id}: the run's ID (a plain name); {@code week}: the start of the week the run ended in. */
    public RunBatch(Store store, String id, LocalDate week) {
        this.store = store;
        this.id = id;
        this.week = week;
    }

    LocalDate week() {
        return week;
    }

    void add(CounterFileKey key, String counterName) {
        counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(counterName, 1L, Long::sum);
    }

    /** Keeps unreadable input under a name made from the ID and its place in the run. */
    void saveMalformed(byte[] raw) throws IOException {
        store.saveMalformed(raw, id.replace('/', '-') + "-" + ++malformed);
    }

    /**
     * Adds every count, each counter file's under the ID (in mode {@code on}, a crash added starts the day's upload
     * as a recorded crash does). An IOException when one cannot be added: the run is not finished then.
     */
    public void flush() throws IOException {
        boolean crash = false;
        for (Map.Entry<CounterFileKey, Map<String, Long>> e : counts.entrySet()) {
            if (store.addOnce(e.getKey(), e.getValue(), id)) {
                crash |= e.getValue().keySet().stream().anyMatch(n -> n.startsWith(CounterNames.CRASH_PREFIX));
            }
        }
        counts.clear();
        if (crash && store.mode() == Mode.ON) {
            UploadStarter.afterCrash(store);
        }
    }
}
