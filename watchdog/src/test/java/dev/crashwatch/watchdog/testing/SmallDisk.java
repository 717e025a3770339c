package dev.crashwatch.watchdog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A full disk for the tests that put the store on one (issue 15's standing suite): a 256 KiB tmpfs mounted over a
 * directory (root only: the calling test is skipped otherwise, saying so), filled up, unmounted at the end.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a small tmpfs (0700) over {@code dir}. */
    public static SmallDisk mountOver(Path dir) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: cannot mount a tmpfs");
        Files.createDirectories(dir);
        assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs",
                dir.toString()).inheritIO().start().waitFor());
        return new SmallDisk(dir);
    }

    /** Fills the disk with one file; returns it (delete it to make room again). */
    public Path fill() throws IOException {
        Path file = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return file; // the disk is full now
        }
    }

    /** Temporary files left under the disk's directory (a write cut short by the full disk). */
    public List<Path> partialFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
    }
}
