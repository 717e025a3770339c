package dev.crashwatch.watchdog.launch;

import dev.crashwatch.agent.wire.Wire;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The crash pipe of one run: a FIFO (0600) in the run's private directory. The watchdog holds it open for
 * reading and writing, so opening it never blocks either side and the read end never sees end-of-file while
 * children come and go; once the child is gone the watchdog writes an {@code END} frame into it itself.
 */
public final class Fifo implements AutoCloseable {
    static final String NAME = "crash.pipe";
    private static final String MKFIFO = "/usr/bin/mkfifo";

    private final Path path;
    private final RandomAccessFile file;

    private Fifo(Path path, RandomAccessFile file) {
        this.path = path;
        this.file = file;
    }

    /** Creates the FIFO in {@code dir} and opens it. */
    public static Fifo create(Path dir) throws IOException {
        Path path = dir.resolve(NAME);
        make(path);
        return new Fifo(path, new RandomAccessFile(path.toFile(), "rw"));
    }

    /**
     * Opens the FIFO another process made ({@code crashwatch-run}); fails if {@code path} is not one, so that a
     * missing pipe is never replaced by a regular file.
     */
    public static Fifo open(Path path) throws IOException {
        if (!Files.exists(path) || Files.isRegularFile(path) || Files.isDirectory(path)) {
            throw new IOException("not a crash pipe: " + path);
        }
        return new Fifo(path, new RandomAccessFile(path.toFile(), "rw"));
    }

    public Path path() {
        return path;
    }

    /** The read end, for the frame reader. */
    public InputStream input() throws IOException {
        return new FileInputStream(file.getFD());
    }

    /** Writes the {@code END} frame that tells this watchdog's reader that nothing follows. */
    public void writeEnd(long ownPid) throws IOException {
        try (FileOutputStream out = new FileOutputStream(path.toFile())) {
            out.write(Wire.header(ownPid, Wire.END, 0, 0, false, 0));
        }
    }

    /** Writes a frame's worth of zero bytes: wakes a reader blocked in the middle of a frame. */
    public void writeWakeUp() throws IOException {
        try (FileOutputStream out = new FileOutputStream(path.toFile())) {
            out.write(new byte[Wire.MAX_FRAME]);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
        Files.deleteIfExists(path);
    }

    /**
     * {@code mkfifo(3)} with mode 0600. The POSIX {@code mkfifo} utility does it in ~2 ms once the JVM can start
     * processes (which it must, for the child); loading JNA for the same call costs 75–180 ms of start-up on
     * the launcher path (measured, docs/benchmarks.md), so JNA is the fallback where the utility is missing.
     */
    private static void make(Path path) throws IOException {
        if (Files.isExecutable(Path.of(MKFIFO))) {
            Process p = new ProcessBuilder(MKFIFO, "-m", "600", path.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (waitFor(p) == 0) {
                return;
            }
        }
        NativeCalls.mkfifo(path);
    }

    private static int waitFor(Process p) throws IOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted creating the crash pipe");
        }
    }
}
