package dev.crashwatch.fleet.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link UnpackedDriverTest}: opens DuckDB through {@link DuckDb#connect}, prints the
 * answer to {@code SELECT 42} and then the file this process mapped DuckDB's native library from
 * ({@code /proc/self/maps}).
 */
public final class DuckDbProbe {
    private DuckDbProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DuckDb.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 42")) {
            r.next();
            System.out.println(r.getInt(1));
        }
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            System.out.println(lines.filter(l -> l.contains("libduckdb_java")).map(l -> l.substring(l.indexOf('/')))
                    .findFirst().orElse("(not mapped)"));
        }
    }
}
