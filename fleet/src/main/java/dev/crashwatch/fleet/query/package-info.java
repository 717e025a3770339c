/**
 * Fleet triage: the release engineer's questions (top crashes by machines, new in a version, regressions of fixed
 * crashes, weekly trend, version comparison, one crash in detail) over every report the collector stored, answered
 * by DuckDB (embedded, through JDBC) from the collector's JSON files and this package's compacted Parquet files
 * ({@code docs/fleet.md}, "Fleet triage"). Every value reaches SQL as a bound parameter.
 */
package dev.crashwatch.fleet.query;
