import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.NewCrashes;
import dev.crashwatch.fleet.query.TopCrashes;
import dev.crashwatch.fleet.query.Trend;
import dev.crashwatch.fleet.query.VersionTable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times fleet triage in one JVM, for bench/fleet.sh. Each round does what every command does first, scan the
 * reports folder (list the days, check compactions, read raw files) and open DuckDB over it (raw reports are
 * loaded into a temporary table there), then times top, new and trend on it. Prints the median and slowest of each
 * step over the rounds, the median CPU time of the process (JVM and DuckDB's threads) during the step, which a
 * shared machine inflates less than wall time, and the process's peak resident memory (JVM and DuckDB).
 *
 * Usage: java -cp CLASSPATH bench/FleetBench.java DIR ROUNDS VERSION
 */
public class FleetBench {
    interface Query {
        int run(FleetDb db) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        FleetLayout layout = new FleetLayout(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        String version = args[2];
        Map<String, Query> queries = new LinkedHashMap<>();
        queries.put("top", db -> TopCrashes.rank(db, TopCrashes.Filter.ALL).size());
        queries.put("new --version " + version, db -> NewCrashes.in(db,
            VersionTable.loadVersion(db, Optional.empty(), version), version, Optional.empty()).size());
        queries.put("trend", db -> Trend.weekly(db, Optional.empty()).size());
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        FleetInput input = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            input = FleetInput.scan(layout);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            try (FleetDb db = FleetDb.open(input)) {
                long t2 = System.nanoTime();
                long c2 = cpuNanos();
                add(times, "scan the folder", t1 - t0);
                add(cpu, "scan the folder", c1 - c0);
                add(times, "open DuckDB (load raw files)", t2 - t1);
                add(cpu, "open DuckDB (load raw files)", c2 - c1);
                for (Map.Entry<String, Query> q : queries.entrySet()) {
                    long start = System.nanoTime();
                    long cpuStart = cpuNanos();
                    int rows = q.getValue().run(db);
                    add(times, q.getKey(), System.nanoTime() - start);
                    add(cpu, q.getKey(), cpuNanos() - cpuStart);
                    System.out.printf("round %d  %-24s %7d ms  %d rows%n", r + 1, q.getKey(),
                        (System.nanoTime() - start) / 1_000_000, rows);
                }
            }
        }
        System.out.printf("input: %d Parquet files, %d raw report files, %d skipped%n", input.parquet().size(),
            input.json().size(), input.skipped().size());
        times.forEach((name, t) -> {
            List<Long> sorted = new ArrayList<>(t);
            sorted.sort(null);
            List<Long> cpuSorted = new ArrayList<>(cpu.get(name));
            cpuSorted.sort(null);
            System.out.printf("%-30s median %7d ms  slowest %7d ms  CPU median %7d ms  (%d rounds)%n", name,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), cpuSorted.get(cpuSorted.size() / 2),
                sorted.size());
        });
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                System.out.println("peak resident memory (JVM + DuckDB): " + line.replaceAll("\\D+", " ").trim() + " kB");
            }
        }
    }

    /** CPU time of the whole process so far: every JVM thread and DuckDB's native threads. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void add(Map<String, List<Long>> times, String name, long nanos) {
        times.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos / 1_000_000);
    }
}
