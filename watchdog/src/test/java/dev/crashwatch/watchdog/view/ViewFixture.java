package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A store with known counts for the view's tests, written through the real {@link Store#add}: two versions of
 * {@code shop} over three weeks, one program whose name is markup, and a crash whose counter name is markup.
 * The expected figures are added up here, from the entries, independently of triage.
 */
final class ViewFixture {
    static final LocalDate W1 = LocalDate.of(2026, 11, 2);
    static final LocalDate W2 = LocalDate.of(2026, 11, 9);
    static final LocalDate W3 = LocalDate.of(2026, 11, 16);
    static final String NPE = "crash/crash\njava.lang.NullPointerException\ncom.example.shop.Cart.total:+3\n"
        + "com.example.shop.Main.main:+7";
    static final String ISE = "crash/crash\njava.lang.IllegalStateException\ncom.example.shop.Db.connect:+12\n"
        + "com.example.shop.Main.main:+2";
    static final String OOM_EXIT = "crash/oom-exit";
    static final String KILLED = "crash/signal/SIGKILL";
    /** A counter name that would run script and load an image if it were not escaped. */
    static final String MARKUP = "crash/crash\n<script>alert(1)</script>\n\"><img src=x onerror=alert(2)>";
    static final String MARKUP_PROGRAM = "tool\"><i>x";
    static final String RUNS = Store.RUNS_COUNTER;

    /** One call of {@link Store#add}. */
    record Entry(CounterFileKey key, Map<String, Long> counts) {
    }

    static final List<Entry> ENTRIES = List.of(
        entry("shop", "2.3.0", W1, Map.of(NPE, 3L, ISE, 2L, RUNS, 20L)),
        entry("shop", "2.3.0", W2, Map.of(NPE, 1L, OOM_EXIT, 1L)),
        entry("shop", "2.4.0-rc1", W2, Map.of(NPE, 2L, MARKUP, 1L)),
        entry("shop", "2.4.0-rc1", W3, Map.of(NPE, 4L, KILLED, 2L, MARKUP, 1L, RUNS, 10L)),
        entry(MARKUP_PROGRAM, "1.0", W3, Map.of(ISE, 1L)));

    private ViewFixture() {
    }

    static Store fill(Store store) throws IOException {
        for (Entry e : ENTRIES) {
            store.add(e.key(), e.counts());
        }
        return store;
    }

    /** Crashes per "program version" label and week, as the chart should show them. */
    static Map<String, Map<LocalDate, Long>> weekly() {
        Map<String, Map<LocalDate, Long>> weekly = new TreeMap<>();
        for (Entry e : ENTRIES) {
            weekly.computeIfAbsent(e.key().program() + " " + e.key().version(), k -> new TreeMap<>())
                .merge(e.key().weekStart(), crashes(e.counts()), Long::sum);
        }
        return weekly;
    }

    /** Each crash counter's total over the whole store. */
    static Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        ENTRIES.forEach(e -> e.counts().forEach((name, n) -> {
            if (name.startsWith("crash/")) {
                totals.merge(name, n, Long::sum);
            }
        }));
        return totals;
    }

    static long allCrashes() {
        return totals().values().stream().mapToLong(Long::longValue).sum();
    }

    private static long crashes(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(c -> c.getKey().startsWith("crash/"))
            .mapToLong(Map.Entry::getValue).sum();
    }

    private static Entry entry(String program, String version, LocalDate week, Map<String, Long> counts) {
        return new Entry(new CounterFileKey(program, version, "17.0.15", "linux", "amd64", week), counts);
    }
}
