package dev.crashwatch.fleet.query;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory DuckDB over one {@link FleetInput}: runs a query against the {@code counters} relation
 * ({@link CounterRows}) with every value bound. Extensions are never downloaded (JSON and Parquet are built in).
 */
public final class FleetDb implements AutoCloseable {
    private final Connection connection;
    private final FleetInput input;

    private FleetDb(Connection connection, FleetInput input) {
        this.connection = connection;
        this.input = input;
    }

    public static FleetDb open(FleetInput input) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET enable_progress_bar = false");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new FleetDb(c, input);
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

    /** Writes the rows of raw report {@code files} to one Parquet file {@code target}, sorted for compression. */
    void copyToParquet(List<Path> files, Path target) throws SQLException {
        String rows = files.isEmpty() ? CounterRows.NONE : CounterRows.FROM_JSON;
        try (PreparedStatement p = connection.prepareStatement("COPY (SELECT " + CounterRows.COLUMNS + " FROM (" + rows
                + ") ORDER BY program, version, counter, week, report_id) TO ? (FORMAT parquet, COMPRESSION zstd)")) {
            List<Object> params = new ArrayList<>();
            if (!files.isEmpty()) {
                params.add(paths(files));
            }
            params.add(target.toString());
            bind(p, params);
            p.execute();
        }
    }

    private String relation(List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (!input.parquet().isEmpty()) {
            parts.add(CounterRows.FROM_PARQUET);
            params.add(paths(input.parquet()));
        }
        if (!input.json().isEmpty()) {
            parts.add(CounterRows.FROM_JSON);
            params.add(paths(input.json()));
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

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
