package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.io.IOException;

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

    private static File directory() throws IOException {
        File dir = new File(System.getProperty("java.io.tmpdir"), "crashwatch-" + System.getProperty("user.name"));
        if (!dir.isDirectory()) {
            if (!dir.mkdir() && !dir.isDirectory()) {
                throw new IOException("cannot make " + dir);
            }
            dir.setReadable(false, false);
            dir.setWritable(false, false);
            dir.setExecutable(false, false);
            dir.setReadable(true, true);
            dir.setWritable(true, true);
            dir.setExecutable(true, true);
        }
        sweep(dir);
        return dir;
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
