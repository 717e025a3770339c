package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Crash totals per week per program and version: the data of the view's chart. */
final class WeeklyTotals {
    private record Bucket(String program, String version, LocalDate week) {
    }

    private final Map<Bucket, Long> totals = new HashMap<>();

    void add(CounterFile file) {
        long crashes = 0;
        for (Map.Entry<String, Long> e : file.counters().entrySet()) {
            crashes += CrashKind.isCrash(e.getKey()) ? e.getValue() : 0;
        }
        Bucket b = new Bucket(file.key().program(), file.key().version(), file.key().weekStart());
        totals.merge(b, crashes, Long::sum);
    }

    /** Sorted by week, then program, then version. */
    List<WeekTotal> list() {
        List<WeekTotal> list = new ArrayList<>();
        totals.forEach((b, n) -> list.add(new WeekTotal(b.program(), b.version(), b.week(), n)));
        list.sort(Comparator.comparing(WeekTotal::weekStart).thenComparing(WeekTotal::program)
                .thenComparing(WeekTotal::version, VersionOrder.INSTANCE));
        return list;
    }
}
