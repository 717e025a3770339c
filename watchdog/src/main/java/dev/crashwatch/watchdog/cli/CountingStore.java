package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.RunsFolder;
import java.io.PrintStream;

/**
 * The default store for a command that shows counts: first folds the runs journal into the {@code crashwatch/runs}
 * counters ({@link RunsFolder}), so rates per 1,000 runs include every run that ended before the command. A fold
 * that fails is one line on stderr; the command goes on with the counts as they are.
 */
final class CountingStore {
    private CountingStore() {
    }

    static Store open(String command, PrintStream err) {
        Store store = Store.openDefault();
        try {
            RunsFolder.fold(store);
        } catch (Exception e) {
            err.println("crashwatch " + command + ": could not fold the runs journal (" + e.getMessage()
                    + "); runs counted so far are shown");
        }
        return store;
    }
}
