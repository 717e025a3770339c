package dev.crashwatch.fleet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crashwatch.fleet.query.BadFiles;
import dev.crashwatch.fleet.query.Compactor;
import dev.crashwatch.fleet.query.FleetDb;
import dev.crashwatch.fleet.query.FleetInput;
import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.query.TestFleet;
import dev.crashwatch.fleet.query.VersionCrash;
import dev.crashwatch.fleet.query.VersionTable;
import dev.crashwatch.watchdog.signature.StackIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past one machine: Spark in local mode (loopback only) runs the top-crashes-per-version query of
 * {@code docs/fleet.md} over the same compacted Parquet files as DuckDB and gets exactly DuckDB's answer
 * ({@link VersionTable}: machines, crashes, first and last week per program, version and crash).
 */
class FleetSparkIT {
    /** The Spark SQL of docs/fleet.md, "Top crashes per version". */
    static final String TOP_PER_VERSION = """
        SELECT program, version, counter, count(DISTINCT report_id) AS machines, sum(count) AS crashes,
               CAST(min(week) AS STRING) AS first_week, CAST(max(week) AS STRING) AS last_week
        FROM counters
        WHERE startswith(counter, 'crash/') AND count > 0
        GROUP BY program, version, counter""";

    @TempDir
    Path root;

    @Test
    void spark_reads_the_compacted_parquet_and_agrees_with_duckdb_exactly() throws Exception {
        FleetLayout layout = TestFleet.write(root);
        BadFiles.plant(root);
        Compactor.compact(layout);
        FleetInput input = FleetInput.scan(layout);
        assertEquals(List.of(), input.json(), "every day compacted");
        List<String> duck = new ArrayList<>();
        try (FleetDb db = FleetDb.open(input)) {
            for (VersionCrash c : VersionTable.load(db, Optional.empty()).crashes()) {
                duck.add(line(c.program(), c.version(), c.name(), c.machines(), c.count(), c.firstWeek().toString(),
                    c.lastWeek().toString()));
            }
        }
        List<String> spark = new ArrayList<>();
        SparkSession session = SparkSession.builder().appName("crashwatch-fleet-it").master("local[2]")
            .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
        try {
            String[] files = input.parquet().stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
            session.read().option("recursiveFileLookup", "true").parquet(files).createOrReplaceTempView("counters");
            for (Row r : session.sql(TOP_PER_VERSION).collectAsList()) {
                spark.add(line(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.getString(5),
                    r.getString(6)));
            }
        } finally {
            session.stop();
        }
        assertFalse(duck.isEmpty());
        duck.sort(null);
        spark.sort(null);
        assertEquals(duck, spark);
    }

    private static String line(String program, String version, String name, long machines, long crashes, String first,
                               String last) {
        return String.join(" ", program, version, StackIds.of(name), Long.toString(machines), Long.toString(crashes),
            first, last);
    }
}
