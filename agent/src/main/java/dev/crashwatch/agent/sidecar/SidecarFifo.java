package dev.crashwatch.agent.sidecar;

import dev.crashwatch.agent.wire.PrivateDir;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The FIFO that becomes the sidecar's stdin: made private (0600, by {@code mkfifo}) in the private directory
 * {@code <tmpdir>/crashwatch-<user>}, which is swept of FIFOs whose JVM is gone (a JVM that exits while its start-up
 * thread is between mkfifo and unlink leaves one behind).
 */
final class SidecarFifo {
    private static final File MKFIFO = new File("/usr/bin/mkfifo");
    private static final String PREFIX = "sidecar-";

    private SidecarFifo() {
    }

    /** Whether FIFOs can be made here. */
    static boolean available() {
        return MKFIFO.canExecute();
    }

    /** A new FIFO for the JVM {@code pid}; the caller unlinks it once both ends are open. */
    static File make(long pid) throws IOException {
        File fifo = new File(directory(), PREFIX + pid + "-" + Long.toHexString(System.nanoTime()) + ".fifo");
        fifo.deleteOnExit();
        mkfifo(fifo);
        return fifo;
    }

    /**
     * {@code <tmpdir>/crashwatch-<user>}, made 0700 if missing. Used only when it is (without following links) a
     * directory of this user's that nobody else can write into: the name is guessable, and another user who made
     * it first, or could write in it, could swap the FIFO for a link. When it is not, the reason goes to the
     * sidecar log and the FIFO is made in a fresh private directory of its own (deleted with the FIFO).
     */
    private static File directory() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "crashwatch-" + PrivateDir.thisUser());
        try {
            PrivateDir.ensure(dir);
        } catch (IOException untrusted) {
            throw new UntrustedDirectory(untrusted.getMessage());
        }
        sweep(dir.toFile());
        return dir.toFile();
    }

    /** The shared FIFO directory cannot be trusted (its reason is the message). */
    static final class UntrustedDirectory extends IOException {
        private static final long serialVersionUID = 1L;

        UntrustedDirectory(String reason) {
            super(reason);
        }
    }

    /** A new FIFO for the JVM {@code pid} in a fresh private directory of its own; the caller deletes both. */
    static File makeAlone(long pid) throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "crashwatch-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        File fifo = new File(dir.toFile(), PREFIX + pid + ".fifo");
        fifo.deleteOnExit();
        dir.toFile().deleteOnExit();
        mkfifo(fifo);
        return fifo;
    }

    private static void sweep(File dir) {
        String[] names = dir.list();
        for (int i = 0; names != null && i < names.length; i++) {
            String name = names[i];
            int end = name.indexOf('-', PREFIX.length());
            if (name.startsWith(PREFIX) && end > 0
                    && !new File("/proc/" + name.substring(PREFIX.length(), end)).exists()) {
                new File(dir, name).delete();
            }
        }
    }

    private static void mkfifo(File fifo) throws IOException {
        Process mkfifo = new ProcessBuilder(MKFIFO.getPath(), "-m", "600", fifo.getPath())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making " + fifo);
        }
    }
}
