package dev.crashwatch.watchdog.store;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A child JVM for the store's multi-process tests: increments one counter in the store at {@code args[0]}
 * {@code args[1]} times (forever when negative), each increment a full locked read-modify-write.
 */
public final class StoreHammer {
    private StoreHammer() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.at(Paths.get(args[0]));
        long times = Long.parseLong(args[1]);
        for (long i = 0; times < 0 || i < times; i++) {
            store.increment(StoreTest.KEY, StoreTest.NPE);
        }
    }

    /** Starts this main in a new JVM with the test class path. */
    static Process start(Path store, long times) throws java.io.IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StoreHammer.class.getName(), store.toString(),
                Long.toString(times))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
