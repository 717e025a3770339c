package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.launch.PendingRuns;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.RunsFolder;
import dev.crashwatch.watchdog.watch.SpooledCrashes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What every command that reads or records counters does around its own work: before, it counts the crashes agents
 * left in the store's spool (so that what it shows includes them: docs/protocol.md, "The spool"), finishes the runs
 * whose native launcher's Java half is gone before it recorded them ({@link PendingRuns}), and folds the runs
 * journal into the {@code crashwatch/runs} counters ({@link RunsFolder}: rates per 1,000 runs include every run that
 * ended before the command), and a command that shows counters says in one line on stderr how many counter files it
 * skips because they cannot be read, and why. A store that cannot be read at all (refused, of a newer format) is left
 * for the command itself to report, in its one line.
 */
final class StoreReaders {
    /** Commands that show counters; {@code status} and {@code dump} list unreadable files themselves. */
    private static final Set<String> READERS = Set.of("counters", "top", "compare", "csv", "export", "view");
    /** Commands that count the spool first. */
    private static final Set<String> COUNTING = Set.of("counters", "top", "compare", "csv", "export", "view",
            "status", "dump", "import");

    private StoreReaders() {
    }

    /**
     * Counts what is recorded but not yet in the counter files: spooled crashes, abandoned native runs, the runs
     * journal. Before each command that shows counts, and before each page of {@code crashwatch view}, which runs for
     * hours while watchdogs record.
     */
    static void countPending(Store store, Diagnostics say) {
        SpooledCrashes.countAll(store, say);
        PendingRuns.finishAbandoned(store, say);
        try {
            RunsFolder.fold(store);
        } catch (IOException | RuntimeException unreadableStore) {
            // The reader meets the same problem and reports it; runs counted so far stay counted.
        }
    }

    static void before(String command, PrintStream err) {
        if (COUNTING.contains(command)) {
            countPending(Store.openDefault(), message -> err.println("crashwatch " + command + ": " + message));
        }
        if (!READERS.contains(command)) {
            return;
        }
        try {
            List<Path> skipped = Store.openDefault().unreadableFiles();
            if (!skipped.isEmpty()) {
                err.println("crashwatch " + command + ": skipped " + skipped.size() + " unreadable counter file"
                        + (skipped.size() == 1 ? "" : "s") + " (not valid counter JSON, or set aside as "
                        + "*.unreadable-*; 'crashwatch status' lists them)");
            }
        } catch (IOException unreadableStore) {
            // The command meets the same problem and reports it.
        }
    }
}
