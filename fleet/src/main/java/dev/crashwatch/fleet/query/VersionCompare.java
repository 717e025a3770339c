package dev.crashwatch.fleet.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code compare V1 V2}: new, gone, more and less frequent, each crash's rate per machine reporting its version. */
public final class VersionCompare {
    private VersionCompare() {
    }

    public static VersionComparison compare(VersionTable table, String program, String base, String next) {
        long baseMachines = table.reporting(program, base);
        long newMachines = table.reporting(program, next);
        Map<String, VersionCrash> before = byName(table.in(program, base));
        Map<String, VersionCrash> after = byName(table.in(program, next));
        List<CrashDelta> added = new ArrayList<>();
        List<CrashDelta> gone = new ArrayList<>();
        List<CrashDelta> more = new ArrayList<>();
        List<CrashDelta> fewer = new ArrayList<>();
        List<CrashDelta> same = new ArrayList<>();
        Map<String, VersionCrash> all = new LinkedHashMap<>(before);
        after.forEach(all::putIfAbsent);
        for (Map.Entry<String, VersionCrash> e : all.entrySet()) {
            VersionCrash b = before.get(e.getKey());
            VersionCrash n = after.get(e.getKey());
            CrashDelta d = new CrashDelta(e.getValue().stackId(), e.getKey(), e.getValue().kind(),
                b == null ? 0 : b.machines(), b == null ? 0 : b.count(), rate(b, baseMachines),
                n == null ? 0 : n.machines(), n == null ? 0 : n.count(), rate(n, newMachines));
            if (b == null) {
                added.add(d);
            } else if (n == null) {
                gone.add(d);
            } else if (d.newRate() > d.baseRate()) {
                more.add(d);
            } else if (d.newRate() < d.baseRate()) {
                fewer.add(d);
            } else {
                same.add(d);
            }
        }
        Comparator<CrashDelta> tie = Comparator.comparing(CrashDelta::stackId).thenComparing(CrashDelta::name);
        added.sort(Comparator.comparingDouble(CrashDelta::newRate).reversed().thenComparing(tie));
        gone.sort(Comparator.comparingDouble(CrashDelta::baseRate).reversed().thenComparing(tie));
        more.sort(Comparator.comparingDouble((CrashDelta d) -> d.newRate() / d.baseRate()).reversed().thenComparing(tie));
        fewer.sort(Comparator.comparingDouble((CrashDelta d) -> d.newRate() / d.baseRate()).thenComparing(tie));
        same.sort(Comparator.comparingDouble(CrashDelta::newRate).reversed().thenComparing(tie));
        return new VersionComparison(program, base, next, baseMachines, newMachines, added, gone, more, fewer, same);
    }

    private static Map<String, VersionCrash> byName(List<VersionCrash> crashes) {
        Map<String, VersionCrash> map = new LinkedHashMap<>();
        crashes.forEach(c -> map.put(c.name(), c));
        return map;
    }

    private static double rate(VersionCrash c, long machines) {
        return c == null || machines == 0 ? 0 : (double) c.count() / machines;
    }
}
