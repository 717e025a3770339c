package dev.crashwatch.fleet.duckdb;

import dev.crashwatch.agent.wire.PrivateDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

/**
 * DuckDB's JDBC jar unpacked once into the user's cache: {@code duckdb/<jar name>-<size>/} holds
 * {@value #JAR} (the driver's classes, none of its native libraries) and this platform's library under the name the
 * driver looks for beside its jar ({@code libduckdb_java.so_<os>_<arch>}). Each file is written under a temporary
 * name and renamed into place, so a copy cut short by kill -9 is never used; two commands unpacking at once both
 * finish with the same files. Every folder on the way must be the user's own and writable by nobody else
 * ({@link PrivateDir}): the library is code this process will run.
 *
 * <p>A command marks the copy it uses by setting the folder's modification time to now when it is older than
 * {@link #MARK_AFTER}, so a command normally writes nothing. When it has just marked or made its copy, it deletes the
 * copies of other versions no command has used for {@link UnusedCopies#UNUSED_FOR} ({@link UnusedCopies}): one
 * listing of {@code duckdb/} at most once a day per copy in use rather than one on every command, as a copy cannot
 * become unused faster than in days, and a first command after an upgrade, which unpacks 71 MB anyway, sweeps at once.
 */
final class UnpackedDriver {
    static final String JAR = "duckdb_jdbc.jar";
    /** The driver's native libraries in its jar: {@code libduckdb_java.so_<os>_<arch>}. */
    static final String LIBRARY_PREFIX = "libduckdb_java.so_";
    /**
     * A command that finds the copy it uses older than this marks it used now ({@link UnusedCopies} deletes copies no
     * command marked for long).
     */
    static final Duration MARK_AFTER = Duration.ofDays(1);
    private static final long STALE_MILLIS = 3_600_000;
    private static final String SIZE_SEPARATOR = "-";

    private UnpackedDriver() {
    }

    /**
     * The unpacked copy of {@code jar} in {@code cache}, made now if it is not there, marked used and the unused
     * copies beside it deleted as the class says; empty when it cannot be made (no library for this platform in the
     * jar, a cache that is not private or not writable).
     */
    static Optional<Path> in(Path cache, Path jar) {
        Optional<String> library = libraryName(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (library.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path dir = folder(cache, jar);
            Instant now = Instant.now();
            boolean marked = markUsed(dir, now); // before a re-unpack too: another installation's sweep spares it
            Path classes = dir.resolve(JAR);
            Path lib = dir.resolve(library.get());
            boolean made = false;
            if (!Files.isRegularFile(classes, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS)) {
                removeStaleTemporaries(dir);
                if (!unpack(jar, library.get(), dir)) {
                    return Optional.empty();
                }
                made = true;
            }
            if (marked || made) {
                UnusedCopies.sweep(dir, now);
            }
            return Optional.of(classes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code <cache>/duckdb/<jar name>-<size>}, each folder made private or checked to be. */
    static Path folder(Path cache, Path jar) throws IOException {
        PrivateDir.ensure(cache);
        Path all = PrivateDir.ensure(cache.resolve("duckdb"));
        return PrivateDir.ensure(all.resolve(folderName(jar.getFileName().toString(), Files.size(jar))));
    }

    /** The name of the copy of the jar {@code jarName} of {@code size} bytes: {@code <jar name>-<size>}. */
    static String folderName(String jarName, long size) {
        String stem = jarName.endsWith(DuckDb.JAR_SUFFIX)
            ? jarName.substring(0, jarName.length() - DuckDb.JAR_SUFFIX.length()) : jarName;
        return stem + SIZE_SEPARATOR + size;
    }

    /**
     * Whether {@link #folderName} gives {@code name} to a driver's jar ({@link DuckDb#isDriverJar}): read back as a
     * jar name and a size, it must be built again to the letter (no sign, no leading zero, no other suffix).
     */
    static boolean isFolderName(String name) {
        int at = name.lastIndexOf(SIZE_SEPARATOR);
        if (at < 0) {
            return false;
        }
        String jarName = name.substring(0, at) + DuckDb.JAR_SUFFIX;
        try {
            return DuckDb.isDriverJar(jarName)
                && folderName(jarName, Long.parseLong(name.substring(at + SIZE_SEPARATOR.length()))).equals(name);
        } catch (NumberFormatException notASize) {
            return false;
        }
    }

    /**
     * Marks {@code dir} used by setting its modification time to {@code now}, when it is older than
     * {@link #MARK_AFTER} (so a command normally writes nothing), never through a link; whether it did. A failure
     * only leaves the mark as it was.
     */
    private static boolean markUsed(Path dir, Instant now) {
        try {
            BasicFileAttributeView view = Files.getFileAttributeView(dir, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view.readAttributes().lastModifiedTime().toInstant().isAfter(now.minus(MARK_AFTER))) {
                return false;
            }
            view.setTimes(FileTime.from(now), null, null);
            return true;
        } catch (IOException | RuntimeException unmarked) {
            return false;
        }
    }

    /**
     * The name of this platform's library in the driver's jar, by the driver's own rule ({@code DuckDBNative}: the
     * OS as {@code linux}, {@code macos} or {@code windows}, the architecture as {@code amd64} or {@code arm64});
     * empty for a platform it names otherwise. {@code UnpackedDriverTest} holds the rule to the jar.
     */
    static Optional<String> libraryName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).trim();
        String arch = osArch.toLowerCase(Locale.ROOT).trim();
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : null;
        String a = arch.equals("x86_64") || arch.equals("amd64") ? "amd64"
            : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        return o == null || a == null ? Optional.empty() : Optional.of(LIBRARY_PREFIX + o + "_" + a);
    }

    /**
     * Removes what unpacking commands that were killed left ({@code *.tmp}, up to 71 MB each), once it is an hour old:
     * a younger one may be another command's, still being written.
     */
    private static void removeStaleTemporaries(Path dir) throws IOException {
        long hourAgo = System.currentTimeMillis() - STALE_MILLIS;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".tmp")
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < hourAgo) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Unpacks {@code jar} into {@code dir}: the library first, then the jar without libraries. */
    private static boolean unpack(Path jar, String library, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry lib = zip.getEntry(library);
            if (lib == null) {
                return false;
            }
            Path libTemp = Files.createTempFile(dir, "lib-", ".tmp");
            try {
                try (InputStream in = zip.getInputStream(lib); OutputStream out = Files.newOutputStream(libTemp)) {
                    in.transferTo(out); // into the temporary file as it was made: 0600
                }
                Files.move(libTemp, dir.resolve(library), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(libTemp);
            }
            Path jarTemp = Files.createTempFile(dir, "jar-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(jarTemp); ZipOutputStream copy = new ZipOutputStream(out)) {
                    copyClasses(zip, copy);
                }
                Files.move(jarTemp, dir.resolve(JAR), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(jarTemp);
            }
            return true;
        }
    }

    private static void copyClasses(ZipFile zip, ZipOutputStream copy) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.getName().startsWith(LIBRARY_PREFIX)) {
                continue;
            }
            copy.putNextEntry(new ZipEntry(e.getName()));
            if (!e.isDirectory()) {
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(copy);
                }
            }
            copy.closeEntry();
        }
    }
}
