package dev.crashwatch.fleet.query;

/**
 * The one relation every fleet query reads, {@code counters}: a row per counter per report entry, from the
 * compacted Parquet files and the raw JSON reports alike. Columns: {@code received} (day accepted),
 * {@code report_id} (one machine's week), {@code week}, {@code program}, {@code version}, {@code java_version},
 * {@code os}, {@code arch}, {@code counter} and {@code count}; an entry without counters gives one row whose
 * counter and count are NULL, so the machine still counts as reporting its version. This is also the Parquet
 * files' schema. File lists are bound parameters; hive partitioning is off (a {@code key=value} folder anywhere in
 * the path must not override a field), and {@code received} is the day folder the report file is in.
 */
final class CounterRows {
    static final String COLUMNS = "received, report_id, week, program, version, java_version, os, arch, counter, count";

    /** The lines' fields as DuckDB must read them: the counters object as a MAP, not a struct per name. */
    private static final String LINE_COLUMNS = "{'received': 'DATE', 'id': 'VARCHAR', 'week': 'DATE', 'entries': "
        + "'STRUCT(program VARCHAR, version VARCHAR, \"javaVersion\" VARCHAR, os VARCHAR, arch VARCHAR, "
        + "counters MAP(VARCHAR, BIGINT))[]'}";

    /** Rows from raw reports written as {@link ReportLines}; one parameter, the lines file. */
    static final String FROM_LINES = "SELECT r.received AS received, r.id AS report_id, r.week AS week,"
        + " r.e.program AS program, r.e.version AS version, r.e.\"javaVersion\" AS java_version, r.e.os AS os,"
        + " r.e.arch AS arch, m.kv.key AS counter, m.kv.value AS count"
        + " FROM (SELECT received, id, week, unnest(entries) AS e FROM read_json(?, columns = " + LINE_COLUMNS
        + ", format = 'newline_delimited', maximum_object_size = " + ReportLines.MAX_LINE
        + ", hive_partitioning = false)) AS r"
        + " LEFT JOIN LATERAL (SELECT unnest(map_entries(r.e.counters)) AS kv) AS m ON true";

    /** Rows from compacted days; one parameter, the list of Parquet files. */
    static final String FROM_PARQUET = "SELECT " + COLUMNS + " FROM read_parquet(?, hive_partitioning = false)";

    /** No rows, with the columns' types: the relation when there is nothing to read. */
    static final String NONE = "SELECT NULL::DATE AS received, NULL::VARCHAR AS report_id, NULL::DATE AS week,"
        + " NULL::VARCHAR AS program, NULL::VARCHAR AS version, NULL::VARCHAR AS java_version, NULL::VARCHAR AS os,"
        + " NULL::VARCHAR AS arch, NULL::VARCHAR AS counter, NULL::BIGINT AS count WHERE false";

    private CounterRows() {
    }
}
