import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.NewCrashes;
import dev.crashwatch.fleet.query.TopCrashes;
import dev.crashwatch.fleet.query.Trend;
import dev.crashwatch.fleet.query.VersionTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times fleet triage's queries in one JVM, for bench/fleet.sh: each round runs top, new and trend in turn, each
 * from scratch as a command would (scan the reports folder, open DuckDB, query, close); prints each query's
 * median and slowest wall time over the rounds, then the process's peak resident memory (JVM and DuckDB).
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
        String[] names = {"top", "new --version " + version, "trend"};
        Query[] queries = {
            db -> TopCrashes.rank(db, TopCrashes.Filter.ALL).size(),
            db -> NewCrashes.in(VersionTable.load(db, Optional.empty()), version).size(),
            db -> Trend.weekly(db, Optional.empty()).size()};
        List<List<Long>> times = new ArrayList<>();
        for (int q = 0; q < queries.length; q++) {
            times.add(new ArrayList<>());
        }
        FleetInput last = null;
        for (int r = 0; r < rounds; r++) {
            for (int q = 0; q < queries.length; q++) {
                long start = System.nanoTime();
                FleetInput input = FleetInput.scan(layout);
                int rows;
                try (FleetDb db = FleetDb.open(input)) {
                    rows = queries[q].run(db);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                times.get(q).add(ms);
                System.out.printf("round %d  %-22s %6d ms  %d rows%n", r + 1, names[q], ms, rows);
                last = input;
            }
        }
        System.out.printf("input: %d Parquet files, %d raw report files, %d skipped%n", last.parquet().size(),
            last.json().size(), last.skipped().size());
        for (int q = 0; q < queries.length; q++) {
            List<Long> t = new ArrayList<>(times.get(q));
            t.sort(null);
            System.out.printf("%-22s median %6d ms  slowest %6d ms  (%d rounds)%n", names[q], t.get(t.size() / 2),
                t.get(t.size() - 1), t.size());
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                System.out.println("peak resident memory (JVM + DuckDB): " + line.replaceAll("\\D+", " ").trim() + " kB");
            }
        }
    }
}
