package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sums each crash counter over counter files and ranks them, most frequent first (ties by stack ID). */
final class Ranking {
    private final Map<String, Tally> tallies = new HashMap<>();

    /** A crash counter's running sum while files are added. */
    private static final class Tally {
        long count;
        LocalDate first;
        LocalDate last;
        final Set<String> versions = new HashSet<>();
        final Map<String, Long> programs = new HashMap<>();
        final Set<String> javaVersions = new HashSet<>();
    }

    void add(CounterFile file) {
        LocalDate week = file.key().weekStart();
        file.counters().forEach((name, n) -> {
            if (!CrashKind.isCrash(name) || n == 0) {
                return;
            }
            Tally t = tallies.computeIfAbsent(name, k -> new Tally());
            t.count += n;
            t.first = t.first == null || week.isBefore(t.first) ? week : t.first;
            t.last = t.last == null || week.isAfter(t.last) ? week : t.last;
            t.versions.add(file.key().version());
            t.programs.merge(file.key().program(), n, Long::sum);
            t.javaVersions.add(file.key().javaVersion());
        });
    }

    List<RankedCrash> ranked() {
        Set<String> allVersions = new HashSet<>();
        tallies.values().forEach(t -> allVersions.addAll(t.versions));
        List<String> order = new ArrayList<>(allVersions);
        order.sort(VersionOrder.INSTANCE);
        Map<String, Integer> rank = new HashMap<>();
        order.forEach(v -> rank.put(v, rank.size()));
        List<RankedCrash> list = new ArrayList<>(tallies.size());
        tallies.forEach((name, t) -> list.add(new RankedCrash(name, StackIds.of(name), CrashKind.of(name), t.count,
                t.first, t.last, frames(name), sorted(t.versions, rank), byCount(t.programs),
                sortedJavas(t.javaVersions))));
        list.sort(Comparator.comparingLong(RankedCrash::count).reversed().thenComparing(RankedCrash::stackId)
                .thenComparing(RankedCrash::name));
        return list;
    }

    private static List<String> sorted(Set<String> versions, Map<String, Integer> rank) {
        List<String> list = new ArrayList<>(versions);
        list.sort(Comparator.comparing(rank::get));
        return List.copyOf(list);
    }

    /** Program → count, most frequent first (ties by name). */
    private static Map<String, Long> byCount(Map<String, Long> programs) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        programs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    /** Java versions, oldest first (ordered as versions are). */
    static List<String> sortedJavas(Set<String> javas) {
        List<String> list = new ArrayList<>(javas);
        list.sort(VersionOrder.INSTANCE);
        return List.copyOf(list);
    }

    /** The lines of a counter name after its prefix (empty for a plain counter). */
    static List<String> frames(String name) {
        if (!CounterNames.isStack(name)) {
            return List.of();
        }
        String[] lines = name.split("\n", -1);
        return List.copyOf(Arrays.asList(lines).subList(1, lines.length));
    }
}
