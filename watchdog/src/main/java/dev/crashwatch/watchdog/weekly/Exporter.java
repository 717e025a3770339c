package dev.crashwatch.watchdog.weekly;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Makes the report of one week from a store's counter files: keys and counters, nothing else. */
public final class Exporter {
    private Exporter() {
    }

    /** The latest week that has counters, if any: the default week to export. */
    public static Optional<LocalDate> latestWeek(Store store) throws IOException {
        return store.counterFiles().stream().map(f -> f.key().weekStart()).max(Comparator.naturalOrder());
    }

    /** Every week from {@code firstWeek} (a Monday) on that has counters, oldest first. */
    public static List<LocalDate> weeksSince(Store store, LocalDate firstWeek) throws IOException {
        return store.counterFiles().stream().map(f -> f.key().weekStart()).filter(w -> !w.isBefore(firstWeek))
                .distinct().sorted().toList();
    }

    /**
     * The report of {@code week} (a Monday) under the ID this store keeps for that week ({@link
     * Store#exportedReportId}, made and kept at the week's first report): what {@code crashwatch export} writes and what
     * the upload client cuts down to send, so that a week is one report however often it was exported or whether it
     * was uploaded too, an import or a collector counts it once, and the store knows its own reports. Its entries may
     * be empty when the week has no counters.
     */
    public static Report export(Store store, LocalDate week) throws IOException {
        Map<CounterFileKey, Map<String, Long>> byKey = new TreeMap<>(Comparator.comparing(CounterFileKey::toString));
        for (CounterFile f : store.counterFiles()) {
            if (f.key().weekStart().equals(week)) {
                Map<String, Long> counters = byKey.computeIfAbsent(f.key(), k -> new LinkedHashMap<>());
                f.counters().forEach((name, n) -> counters.merge(name, n, Long::sum));
            }
        }
        List<ReportEntry> entries = new ArrayList<>();
        byKey.forEach((k, counters) -> entries.add(
                new ReportEntry(k.program(), k.version(), k.javaVersion(), k.os(), k.arch(), counters)));
        return new Report(store.exportedReportId(week), week, entries);
    }
}
