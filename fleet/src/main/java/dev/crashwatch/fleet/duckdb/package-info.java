/**
 * DuckDB's JDBC driver, loaded so that its native library (71 MB) is unpacked once per user instead of on every
 * fleet command: {@link DuckDb#connect} is the one way the fleet opens DuckDB ({@code docs/fleet.md}, "Speed"). The
 * copies of other driver versions that no command uses any more are deleted ({@code UnusedCopies}, with the age that
 * counts as unused; {@code docs/install.md}, "What it writes").
 */
package dev.crashwatch.fleet.duckdb;
