package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * A store of two versions of one program written through the real {@link Store}: 2.3.0 over two weeks, then
 * 2.4.0-rc1, which shares one crash, loses one ({@link #REMOVED}) and adds one ({@link #ADDED}).
 */
public final class TwoVersions {
    public static final String SHARED = "crash/crash\njava.lang.IllegalStateException\napp.Main.main:+2";
    public static final String REMOVED = "crash/crash\njava.lang.NullPointerException\napp.Old.run:+5";
    public static final String ADDED = "crash/fatal\nSIGSEGV\nlibc.so.6+0x1234\napp.Native.poke:+0";
    public static final LocalDate W1 = LocalDate.of(2026, 11, 9);
    public static final LocalDate W2 = LocalDate.of(2026, 11, 16);

    private TwoVersions() {
    }

    public static CounterFileKey key(String version, LocalDate week) {
        return new CounterFileKey("app", version, "17.0.15", "linux-debian-12", "amd64", week);
    }

    /** Writes the two versions into the store at {@code dir}. */
    public static Store write(Path dir) throws Exception {
        Store store = Store.at(dir);
        store.add(key("2.3.0", W1), Map.of(SHARED, 3L, REMOVED, 2L));
        store.add(key("2.3.0", W2), Map.of(SHARED, 1L));
        store.add(key("2.4.0-rc1", W2), Map.of(SHARED, 4L, ADDED, 1L));
        return store;
    }
}
