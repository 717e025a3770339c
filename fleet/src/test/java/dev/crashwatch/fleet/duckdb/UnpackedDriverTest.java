package dev.crashwatch.fleet.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashwatch.agent.wire.PrivateDir;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    @Test
    void theCopiesAreRecognisedByExactlyTheNameTheyAreGiven() {
        assertEquals("duckdb_jdbc-1.1.3-72000000", UnpackedDriver.folderName("duckdb_jdbc-1.1.3.jar", 72_000_000));
        assertTrue(UnpackedDriver.isFolderName("duckdb_jdbc-1.1.3-72000000"));
        assertTrue(UnpackedDriver.isFolderName(UnpackedDriver.folderName("duckdb_jdbc.jar", 0)));
        for (String other : new String[] {"duckdb_jdbc-1.1.3", "duckdb_jdbc-1.1.3-072000000", "duckdb_jdbc-1.1.3-+7",
                "duckdb_jdbc-1.1.3-7x", "duckdb_jdbc-1.1.3-", "duckdb_jdbc-1.1.3-99999999999999999999", "sqlite-5",
                "notes", "duckdb_jdbc.jar", "cds"}) {
            assertFalse(UnpackedDriver.isFolderName(other), other);
        }
    }

    @Test
    void aCopyNotUsedFor30DaysIsDeletedAndOneUsedSinceIsKept() throws Exception {
        Path inUse = copyInUse(Duration.ofDays(2));
        Path old = oldCopy(copies().resolve("duckdb_jdbc-1.0.0-70000000"), Duration.ofDays(31));
        Path recent = oldCopy(copies().resolve("duckdb_jdbc-1.1.0-71000000"), Duration.ofDays(29));

        use();
        assertFalse(Files.exists(old, LinkOption.NOFOLLOW_LINKS), "unused for 31 days: deleted with its files");
        assertEquals(List.of("duckdb_jdbc.jar", "jar-1.tmp", "libduckdb_java.so_linux_amd64"), names(recent),
                "used 29 days ago: another installation's, kept as it is");
        assertEquals(Stream.of(inUse, recent).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()),
                names(copies()));
    }

    @Test
    void onlyFoldersWithTheCopiesNamesAreSweptNeverWhatALinkPointsTo() throws Exception {
        copyInUse(Duration.ofDays(2));
        Duration unused = Duration.ofDays(400);
        Path foreign = oldCopy(copies().resolve("notes"), unused);
        Path almost = oldCopy(copies().resolve("duckdb_jdbc-1.0.0-070000000"), unused);
        Path file = Files.write(copies().resolve("duckdb_jdbc-0.9.0-1000"), new byte[] {1});
        Files.setLastModifiedTime(file, ago(unused));
        Path target = oldCopy(Files.createDirectory(tmp.resolve("elsewhere")).resolve("copy"), unused);
        Path link = Files.createSymbolicLink(copies().resolve("duckdb_jdbc-0.8.0-2000"), target);
        Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(ago(unused),
                null, null);

        use();
        for (Path kept : List.of(foreign, almost, file, link)) {
            assertTrue(Files.exists(kept, LinkOption.NOFOLLOW_LINKS), kept.toString());
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("duckdb_jdbc.jar", "jar-1.tmp", "libduckdb_java.so_linux_amd64"), names(target),
                "nothing deleted through the link");
        assertEquals(names(target), names(foreign));
    }

    @Test
    void theCopyInUseIsMarkedUsedWhenItsMarkIsOverADayOld() throws Exception {
        Path inUse = copyInUse(Duration.ofDays(2));
        Instant before = Instant.now().minusSeconds(1);

        use();
        Instant marked = Files.getLastModifiedTime(inUse).toInstant();
        assertTrue(marked.isAfter(before), marked + " is not now");
    }

    @Test
    void aCommandFindingItsCopyMarkedWithinADayWritesNothingAndListsNothing() throws Exception {
        Path inUse = copyInUse(Duration.ofHours(23));
        FileTime mark = Files.getLastModifiedTime(inUse);
        Path old = oldCopy(copies().resolve("duckdb_jdbc-1.0.0-70000000"), Duration.ofDays(31));

        use();
        assertEquals(mark, Files.getLastModifiedTime(inUse), "the mark is left as it was");
        assertTrue(Files.exists(old), "the sweep runs with a mark (at most once a day), not on every command");
    }

    @Test
    void aCopyThatCannotBeDeletedDoesNotMakeTheLoadFail() throws Exception {
        Path stuck = oldCopy(copies().resolve("duckdb_jdbc-1.0.0-70000000"), Duration.ofDays(31));
        // A folder in it is no file: the copy cannot be emptied, even by root; and only root may delete its files.
        Files.createDirectory(stuck.resolve("kept"));
        Files.setPosixFilePermissions(stuck, PosixFilePermissions.fromString("r-x------"));
        Files.setLastModifiedTime(stuck, ago(Duration.ofDays(31)));
        Path old = oldCopy(copies().resolve("duckdb_jdbc-0.9.0-69000000"), Duration.ofDays(31));
        try {
            Path mapped = Path.of(probe()); // the first command: unpacks, then sweeps
            assertEquals(copies().toRealPath(), mapped.getParent().getParent(), "loaded from the cache");
            assertTrue(Files.isDirectory(stuck.resolve("kept")));
            assertFalse(Files.exists(old), "the sweep went on past the copy it could not delete");
        } finally {
            Files.setPosixFilePermissions(stuck, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * The copy of the test's jar as a command finds it (what its files hold does not matter here), marked used
     * {@code age} ago.
     */
    private Path copyInUse(Duration age) throws IOException {
        Path dir = UnpackedDriver.folder(cache.resolve("crashwatch"), driverJar);
        Files.write(dir.resolve(UnpackedDriver.JAR), new byte[] {1});
        Files.write(dir.resolve(UnpackedDriver.libraryName(System.getProperty("os.name"),
                System.getProperty("os.arch")).orElseThrow()), new byte[] {1});
        Files.setLastModifiedTime(dir, ago(age));
        return dir;
    }

    /** A copy of another version as a command leaves it (and a killed unpack's leftover), last used {@code age} ago. */
    private static Path oldCopy(Path dir, Duration age) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        for (String file : List.of("duckdb_jdbc.jar", "libduckdb_java.so_linux_amd64", "jar-1.tmp")) {
            Files.setLastModifiedTime(Files.write(dir.resolve(file), new byte[] {1}), ago(age));
        }
        Files.setLastModifiedTime(dir, ago(age));
        return dir;
    }

    /** {@code crashwatch/duckdb/} in the test's cache, private as a command makes it. */
    private Path copies() throws IOException {
        return PrivateDir.ensure(cache.resolve("crashwatch/duckdb"));
    }

    /** Takes the test's copy in this JVM as a command does before it loads the driver: marks it, sweeps beside it. */
    private void use() throws IOException {
        Path expected = UnpackedDriver.folder(cache.resolve("crashwatch"), driverJar).resolve(UnpackedDriver.JAR);
        assertEquals(Optional.of(expected), UnpackedDriver.in(cache.resolve("crashwatch"), driverJar));
    }

    private static FileTime ago(Duration age) {
        return FileTime.from(Instant.now().minus(age));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
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
