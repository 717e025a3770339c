package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.RunsJournal;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import dev.crashwatch.watchdog.store.counters.Weeks;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes ended runs to the store's runs journal and folds the journal into the {@code crashwatch/runs} counters,
 * each run under the counter file its crashes would go to (the same naming rules, {@link CounterKeys}), in the week
 * it ended. Folding is idempotent: a journal file's counts go in with its fold ID, in the same atomic write, so a
 * folder killed half-way and run again counts each run once.
 */
public final class RunsFolder {
    private RunsFolder() {
    }

    /** Journals one ended run of a JVM that said hello; the user's labels win as they do for its crashes. */
    static void journal(Store store, Hello hello, Labels labels, Instant end) throws IOException {
        List<String> facts = new ArrayList<>(hello.escapedFacts());
        if (labels.program() != null) {
            facts.removeIf(f -> f.startsWith(Wire.KEY_PROGRAM + "="));
            facts.add(Wire.KEY_PROGRAM + "=" + Wire.escape(labels.program()));
        }
        if (labels.version() != null) {
            facts.removeIf(f -> f.startsWith(Wire.KEY_VERSION + "="));
            facts.add(Wire.KEY_VERSION + "=" + Wire.escape(labels.version()));
        }
        RunsJournal.append(store, end, facts);
    }

    /** Folds every run journaled so far into the counters; returns how many runs it added. */
    public static long fold(Store store) throws IOException {
        if (store.mode() == Mode.OFF) {
            return 0;
        }
        long added = 0;
        for (RunsJournal.Claimed claimed : RunsJournal.claim(store)) {
            Map<CounterFileKey, Long> runs = new HashMap<>();
            for (RunsJournal.Run run : claimed.runs()) {
                LocalDate day = Instant.ofEpochSecond(run.endEpochSeconds()).atOffset(ZoneOffset.UTC).toLocalDate();
                CounterFileKey key = CounterKeys.of(Hello.ofEscapedFacts(run.facts()), Labels.NONE, store.hostFacts(),
                        Weeks.startOf(day));
                runs.merge(key, 1L, Long::sum);
            }
            for (Map.Entry<CounterFileKey, Long> e : runs.entrySet()) {
                if (store.addImported(e.getKey(), Map.of(Store.RUNS_COUNTER, e.getValue()), claimed.foldId())) {
                    added += e.getValue();
                }
            }
            RunsJournal.done(claimed);
        }
        return added;
    }
}
