package dev.crashwatch.fleet.query;

import dev.crashwatch.fleet.duckdb.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An in-memory DuckDB over one {@link FleetInput}: runs a query against the {@code counters} relation
 * ({@link CounterRows}) with every value bound. Extensions are never downloaded (JSON and Parquet are built in);
 * DuckDB spills to a temporary folder of its own (by default it would make {@code .tmp} in the working directory)
 * past {@value #MEMORY_LIMIT}, and uses one thread per core (its default).
 */
public final class FleetDb implements AutoCloseable {
    /** Raw reports written to one lines file and read by one statement (about 40 MB of lines at a time). */
    static final int RAW_BATCH = 10_000;
    /**
     * DuckDB's memory for one command, so that it and the JVM stay under 1 GB: past it DuckDB spills to its
     * temporary folder instead of growing (its default is 80 % of the machine's memory).
     */
    static final String MEMORY_LIMIT = "512MB";
    private final Connection connection;
    private final FleetInput input;
    private final Path spill;

    private FleetDb(Connection connection, FleetInput input, Path spill) {
        this.connection = connection;
        this.input = input;
        this.spill = spill;
    }

    /**
     * Opens DuckDB over {@code input}. Raw report files are read into a temporary table first, {@value #RAW_BATCH}
     * at a time written as one file of lines ({@link ReportLines}) in DuckDB's spill folder: DuckDB's JSON reader
     * has a cost for each file it opens, and keeps state for every file of one read until it ends.
     */
    public static FleetDb open(FleetInput input) throws SQLException, IOException {
        Path spill = Files.createTempDirectory("crashwatch-fleet-");
        Connection c = DuckDb.connect();
        FleetDb db = new FleetDb(c, input, spill);
        try (Statement s = c.createStatement()) {
            db.update("SET temp_directory = ?", List.of(spill.toString()));
            db.update("SET memory_limit = ?", List.of(MEMORY_LIMIT));
            s.execute("SET preserve_insertion_order = false"); // every result is sorted by the query or in Java
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET enable_progress_bar = false");
            if (!input.json().isEmpty()) {
                s.execute("CREATE TEMP TABLE raw_counters AS " + CounterRows.NONE);
                for (int from = 0; from < input.json().size(); from += RAW_BATCH) {
                    Path lines = db.lines(input.json().subList(from, Math.min(input.json().size(), from + RAW_BATCH)));
                    db.update("INSERT INTO raw_counters " + CounterRows.FROM_LINES, List.of(lines.toString()));
                    Files.delete(lines);
                }
            }
        } catch (SQLException | IOException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The reports in {@code files} as one file of lines in the spill folder. */
    private Path lines(List<Path> files) throws IOException {
        Path lines = Files.createTempFile(spill, "reports-", ".ndjson");
        ReportLines.write(files, lines);
        return lines;
    }

    private void update(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, params);
            p.execute();
        }
    }

    public FleetInput input() {
        return input;
    }

    /** Reads one row of a result. */
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql}, which reads {@code counters}, binding {@code params} in order (strings, numbers, and
     * {@code String[]} as lists).
     */
    public <T> List<T> query(String sql, List<?> params, Row<T> row) throws SQLException {
        List<Object> all = new ArrayList<>();
        String relation = relation(all);
        all.addAll(params);
        try (PreparedStatement p = connection.prepareStatement("WITH counters AS (" + relation + ") " + sql)) {
            bind(p, all);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        }
    }

    /** Writes the rows of the raw reports in {@code files} (a day's, for compaction) to one Parquet file, sorted for compression. */
    void copyToParquet(List<Path> files, Path target) throws SQLException, IOException {
        Path lines = lines(files);
        try {
            update("COPY (SELECT " + CounterRows.COLUMNS + " FROM (" + CounterRows.FROM_LINES
                + ") ORDER BY program, version, counter, week, report_id) TO ? (FORMAT parquet, COMPRESSION zstd)",
                List.of(lines.toString(), target.toString()));
        } finally {
            Files.delete(lines);
        }
    }

    private String relation(List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (!input.parquet().isEmpty()) {
            parts.add(CounterRows.FROM_PARQUET);
            params.add(paths(input.parquet()));
        }
        if (!input.json().isEmpty()) {
            parts.add("SELECT " + CounterRows.COLUMNS + " FROM raw_counters");
        }
        return parts.isEmpty() ? CounterRows.NONE : String.join(" UNION ALL ", parts);
    }

    private static String[] paths(List<Path> files) {
        return files.stream().map(f -> f.toAbsolutePath().toString()).toArray(String[]::new);
    }

    private void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof String[] list) {
                Array array = connection.createArrayOf("VARCHAR", list);
                p.setArray(i + 1, array);
            } else {
                p.setObject(i + 1, v);
            }
        }
    }

    /** Closes DuckDB and removes the folder it may spill to. */
    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            try (Stream<Path> files = Files.walk(spill)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind; the system's cleaner removes it
            }
        }
    }
}
