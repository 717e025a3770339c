package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.counters.CounterFileNames;
import dev.crashwatch.watchdog.store.files.DirectoryLock;
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
        if (args[1].equals("hold")) {
            hold(store);
            return;
        }
        long times = Long.parseLong(args[1]);
        for (long i = 0; times < 0 || i < times; i++) {
            store.increment(StoreTest.KEY, StoreTest.NPE);
        }
    }

    /** Takes the store's writers' lock, says "locked" on stdout, and keeps it until killed. */
    private static void hold(Store store) throws Exception {
        new DirectoryLock(store.counterDir().resolve(CounterFileNames.LOCK_FILE)).holding(() -> {
            System.out.println("locked");
            System.out.flush();
            try {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            return null;
        });
    }

    /** Starts a child that holds the store's lock until killed; returns once it holds it. */
    static Process holdLock(Path store) throws Exception {
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                StoreHammer.class.getName(), store.toString(), "hold").redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("lock holder said: " + line);
        }
        return p;
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts this main in a new JVM with the test class path. */
    static Process start(Path store, long times) throws java.io.IOException {
        return new ProcessBuilder(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StoreHammer.class.getName(), store.toString(),
                Long.toString(times))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
