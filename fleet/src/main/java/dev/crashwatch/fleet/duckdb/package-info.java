/**
 * DuckDB's JDBC driver, loaded so that its native library (71 MB) is unpacked once per user instead of on every
 * fleet command: {@link DuckDb#connect} is the one way the fleet opens DuckDB ({@code docs/fleet.md}, "Speed").
 */
package dev.crashwatch.fleet.duckdb;
