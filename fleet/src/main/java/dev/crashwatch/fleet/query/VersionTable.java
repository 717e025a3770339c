package dev.crashwatch.fleet.query;

import dev.crashwatch.watchdog.triage.VersionOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each crash per program version (machines, crashes, weeks) and the machines reporting each version: what
 * {@code new}, {@code regressions} and {@code compare} read. Versions are in {@link VersionOrder}.
 */
public final class VersionTable {
    private final List<VersionCrash> crashes;
    private final Map<String, Map<String, Long>> reporting;

    private VersionTable(List<VersionCrash> crashes, Map<String, Map<String, Long>> reporting) {
        this.crashes = crashes;
        this.reporting = reporting;
    }

    public static VersionTable load(FleetDb db, Optional<String> program) throws SQLException {
        return load(db, program, Optional.empty());
    }

    /** The table of one version only: its crashes and the machines reporting it (what {@code new} needs of it). */
    public static VersionTable loadVersion(FleetDb db, Optional<String> program, String version) throws SQLException {
        return load(db, program, Optional.of(version));
    }

    private static VersionTable load(FleetDb db, Optional<String> program, Optional<String> version) throws SQLException {
        Map<String, Map<String, Long>> reporting = new TreeMap<>();
        Where all = Where.all().program(program).version(version);
        db.query("SELECT program, version, count(DISTINCT report_id) FROM counters" + all.sql()
                + " GROUP BY program, version", all.params(), rs -> reporting
                .computeIfAbsent(rs.getString(1), p -> new TreeMap<>(VersionOrder.INSTANCE))
                .put(rs.getString(2), rs.getLong(3)));
        Where crash = Where.crashes().program(program).version(version);
        List<VersionCrash> crashes = db.query("SELECT program, version, counter, count(DISTINCT report_id), sum(count),"
                + " CAST(min(week) AS VARCHAR), CAST(max(week) AS VARCHAR) FROM counters" + crash.sql()
                + " GROUP BY program, version, counter", crash.params(),
            rs -> VersionCrash.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                LocalDate.parse(rs.getString(6)), LocalDate.parse(rs.getString(7)),
                reporting.get(rs.getString(1)).get(rs.getString(2))));
        crashes.sort(Comparator.comparing(VersionCrash::program).thenComparing(VersionCrash::version, VersionOrder.INSTANCE)
            .thenComparing(Comparator.comparingLong(VersionCrash::machines).reversed())
            .thenComparing(Comparator.comparingLong(VersionCrash::count).reversed())
            .thenComparing(VersionCrash::stackId).thenComparing(VersionCrash::name));
        return new VersionTable(List.copyOf(crashes), reporting);
    }

    /** Every crash in every version, by program, then version (oldest first), then machines. */
    public List<VersionCrash> crashes() {
        return crashes;
    }

    /** The programs that reported, by name. */
    public List<String> programs() {
        return List.copyOf(reporting.keySet());
    }

    /** The program with the most reports (the page's default), the first by name among equals; empty if none. */
    public Optional<String> busiestProgram() {
        return reporting.entrySet().stream().max(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) ->
            e.getValue().values().stream().mapToLong(Long::longValue).sum()).thenComparing(Map.Entry::getKey,
            Comparator.reverseOrder())).map(Map.Entry::getKey);
    }

    /** The versions {@code program} reported, oldest first. */
    public List<String> versions(String program) {
        return List.copyOf(reporting.getOrDefault(program, Map.of()).keySet());
    }

    /** Machines that reported {@code program} at {@code version} (0 when none did). */
    public long reporting(String program, String version) {
        return reporting.getOrDefault(program, Map.of()).getOrDefault(version, 0L);
    }

    /** The crashes of one version, by machines. */
    public List<VersionCrash> in(String program, String version) {
        return crashes.stream().filter(c -> c.program().equals(program) && c.version().equals(version)).toList();
    }

    /** Each crash name's cells in {@code program}, in version order. */
    Map<String, List<VersionCrash>> byName(String program) {
        Map<String, List<VersionCrash>> byName = new LinkedHashMap<>();
        for (VersionCrash c : crashes) {
            if (c.program().equals(program)) {
                byName.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(c);
            }
        }
        return byName;
    }
}
