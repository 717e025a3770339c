package dev.crashwatch.fleet.duckdb;

import dev.crashwatch.agent.sidecar.ClassDataArchive;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Opens in-memory DuckDB connections. DuckDB's driver unpacks the native library it carries into a new temporary
 * file each time a JVM loads it (about 0.65 s of CPU per command, and 71 MB left in {@code /tmp} by a command that
 * was killed); from a jar that carries none, it loads the library from the jar's own folder. So where the
 * {@code crashwatch} script names the folder of the driver's jar ({@value #DIR_PROPERTY}; it keeps that jar off the
 * class path), the driver is loaded from a copy without the libraries and this platform's library beside it, made
 * once in the user's cache ({@link UnpackedDriver}); where that copy cannot be made, from the jar as it comes. Where
 * the driver is on the class path (the module's tests, an embedding), it is used from there.
 */
public final class DuckDb {
    /** The folder holding DuckDB's JDBC jar, off the class path; set by the {@code crashwatch} script. */
    public static final String DIR_PROPERTY = "crashwatch.duckdb.dir";
    static final String DRIVER_CLASS = "org.duckdb.DuckDBDriver";
    static final String JAR_SUFFIX = ".jar";
    private static final String URL = "jdbc:duckdb:";
    private static Driver driver;

    private DuckDb() {
    }

    /** A new in-memory database. */
    public static Connection connect() throws SQLException {
        Driver d = driver();
        Connection c = d == null ? DriverManager.getConnection(URL) : d.connect(URL, new Properties());
        if (c == null) {
            throw new SQLException("DuckDB's driver refused " + URL);
        }
        return c;
    }

    /** The driver loaded off the class path, or null to use the class path's. */
    private static synchronized Driver driver() throws SQLException {
        if (driver != null) {
            return driver;
        }
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || onClassPath()) {
            return null;
        }
        Path jar = jarIn(Path.of(dir)).orElseThrow(() -> new SQLException("no DuckDB JDBC jar in " + dir));
        Path load = UnpackedDriver.in(ClassDataArchive.cacheDir().toPath(), jar).orElse(jar);
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {load.toUri().toURL()}, DuckDb.class.getClassLoader());
            driver = (Driver) Class.forName(DRIVER_CLASS, true, loader).getDeclaredConstructor().newInstance();
            return driver;
        } catch (ReflectiveOperationException | java.net.MalformedURLException | LinkageError e) {
            throw new SQLException("cannot load DuckDB's driver from " + load + ": " + e, e);
        }
    }

    private static boolean onClassPath() {
        return DuckDb.class.getClassLoader().getResource(DRIVER_CLASS.replace('.', '/') + ".class") != null;
    }

    /** The one {@code duckdb_jdbc-*.jar} in {@code dir}. */
    static Optional<Path> jarIn(Path dir) throws SQLException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> isDriverJar(p.getFileName().toString())).findFirst();
        } catch (java.io.IOException e) {
            throw new SQLException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a file named {@code name} is DuckDB's JDBC jar: {@code duckdb_jdbc*.jar}. */
    static boolean isDriverJar(String name) {
        return name.startsWith("duckdb_jdbc") && name.endsWith(JAR_SUFFIX);
    }
}
