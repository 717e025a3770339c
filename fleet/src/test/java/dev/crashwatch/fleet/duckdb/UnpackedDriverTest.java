package dev.crashwatch.fleet.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB loaded the way {@code crashwatch fleet} loads it: in JVMs of their own ({@link DuckDbProbe}) whose class
 * path lacks the driver, with {@value DuckDb#DIR_PROPERTY} naming a folder that holds the real driver jar, and the
 * user's cache in a temporary folder. What the test reads is where the process mapped the native library from.
 */
class UnpackedDriverTest {
    @TempDir
    Path tmp;
    private Path cache;
    private Path driverDir;
    private Path driverJar;

    @BeforeEach
    void driverFolder() throws Exception {
        Path real = Path.of(Class.forName(DuckDb.DRIVER_CLASS).getProtectionDomain().getCodeSource().getLocation().toURI());
        driverDir = Files.createDirectories(tmp.resolve("lib/fleet/duckdb"));
        driverJar = driverDir.resolve(real.getFileName());
        try {
            Files.createLink(driverJar, real);
        } catch (IOException otherFileSystem) {
            Files.createSymbolicLink(driverJar, real);
        }
        cache = tmp.resolve("cache");
    }

    @Test
    void theLibraryNamesFollowTheDriversRuleForEveryPlatformItShips() throws IOException {
        try (ZipFile zip = new ZipFile(driverJar.toFile())) {
            List<String> shipped = zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith(UnpackedDriver.LIBRARY_PREFIX)).sorted().collect(Collectors.toList());
            List<String> named = new ArrayList<>();
            for (String[] p : new String[][] {{"Linux", "amd64"}, {"Linux", "aarch64"}, {"Mac OS X", "aarch64"},
                    {"Windows 11", "amd64"}}) {
                named.add(UnpackedDriver.libraryName(p[0], p[1]).orElseThrow());
            }
            assertEquals(shipped, named.stream().sorted().collect(Collectors.toList()));
            assertTrue(shipped.contains(UnpackedDriver.libraryName(System.getProperty("os.name"),
                    System.getProperty("os.arch")).orElseThrow()), "this machine's library is in the jar");
        }
        assertTrue(UnpackedDriver.libraryName("SunOS", "sparcv9").isEmpty());
    }

    @Test
    void theFirstCommandUnpacksIntoThePrivateCacheAndTheNextUsesItAsItIs() throws Exception {
        Path mapped = Path.of(probe());
        Path unpacked = cache.resolve("crashwatch/duckdb").resolve(
                driverJar.getFileName().toString().replace(".jar", "") + "-" + Files.size(driverJar));
        assertEquals(unpacked.toRealPath(), mapped.getParent(), "the library was mapped from the cache");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(unpacked)));
        try (ZipFile copy = new ZipFile(unpacked.resolve(UnpackedDriver.JAR).toFile())) {
            assertTrue(copy.stream().noneMatch(e -> e.getName().startsWith(UnpackedDriver.LIBRARY_PREFIX)),
                    "the copy of the driver carries no library, so the driver loads the one beside it");
        }
        Object inode = Files.getAttribute(mapped, "unix:ino");
        FileTime modified = Files.getLastModifiedTime(mapped);

        assertEquals(mapped.toString(), probe());
        assertEquals(inode, Files.getAttribute(mapped, "unix:ino"), "not unpacked again");
        assertEquals(modified, Files.getLastModifiedTime(mapped));
    }

    @Test
    void aCacheOthersCanWriteIntoIsNotTrustedWithCodeTheDriverIsLoadedAsItComes() throws Exception {
        Path shared = Files.createDirectories(cache.resolve("crashwatch/duckdb"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        String mapped = probe();
        assertFalse(mapped.startsWith(cache.toString()), mapped);
        assertFalse(mapped.startsWith(cache.toRealPath().toString()), mapped);
        try (var left = Files.list(shared)) {
            assertEquals(0, left.count(), "nothing unpacked where others can write");
        }
    }

    @Test
    void aCopyCutShortIsNeverUsedAndOldLeftoversAreRemoved() throws Exception {
        Path unpacked = Files.createDirectories(cache.resolve("crashwatch/duckdb").resolve(
                driverJar.getFileName().toString().replace(".jar", "") + "-" + Files.size(driverJar)));
        for (Path p = unpacked; !p.equals(tmp); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        }
        Path old = Files.write(unpacked.resolve("lib-1.tmp"), new byte[] {0x7f, 'E', 'L', 'F'});
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
        Path young = Files.write(unpacked.resolve("lib-2.tmp"), new byte[] {0x7f, 'E', 'L', 'F'});

        assertEquals(unpacked.toRealPath(), Path.of(probe()).getParent());
        assertFalse(Files.exists(old), "an hour-old leftover is removed");
        assertTrue(Files.exists(young), "a young one may be another command's, still being written");
    }

    @Test
    void twoFirstCommandsAtOnceBothFinish() throws Exception {
        Process a = start();
        Process b = start();
        String first = finish(a);
        String second = finish(b);
        assertEquals(first, second);
        assertTrue(first.startsWith(cache.toRealPath().toString()), first);
        try (var left = Files.list(Path.of(first).getParent())) {
            assertEquals(List.of(UnpackedDriver.JAR, Path.of(first).getFileName().toString()).stream().sorted()
                    .collect(Collectors.toList()), left.map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList()));
        }
    }

    /** Runs {@link DuckDbProbe}; returns the library's path it printed. */
    private String probe() throws Exception {
        return finish(start());
    }

    private Process start() throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("duckdb_jdbc")).collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + DuckDb.DIR_PROPERTY + "=" + driverDir, "-cp", classPath, DuckDbProbe.class.getName())
                .redirectErrorStream(true);
        b.environment().put("XDG_CACHE_HOME", cache.toString());
        return b.start();
    }

    private static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        assertEquals(2, lines.length, out);
        assertEquals("42", lines[0]);
        return lines[1];
    }
}
