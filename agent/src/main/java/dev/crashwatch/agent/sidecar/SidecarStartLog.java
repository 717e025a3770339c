package dev.crashwatch.agent.sidecar;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The store's {@code log/sidecar.log}: why a sidecar could not start, and the sidecar JVM's own stderr. Capped: a
 * log past {@link #CAP} bytes is moved to {@code sidecar.log.1} (replacing the previous one) before it grows on.
 */
final class SidecarStartLog {
    static final String NAME = "sidecar.log";
    static final long CAP = 256 * 1024;

    private final File file;

    SidecarStartLog(File storeDir) {
        this.file = new File(new File(storeDir, "log"), NAME);
    }

    /** The log file, its directory created and the file rotated if it grew past the cap; null if impossible. */
    File prepared() {
        File dir = file.getParentFile();
        if (!dir.isDirectory() && !dir.mkdirs()) {
            return null;
        }
        if (file.length() > CAP) {
            File old = new File(dir, NAME + ".1");
            old.delete();
            file.renameTo(old);
        }
        return file;
    }

    /** Appends one line about this JVM; silent if it cannot. */
    void write(long pid, String message) {
        File target = prepared();
        if (target == null) {
            return;
        }
        String line = java.time.Instant.now() + " agent pid " + pid + ": " + message + "\n";
        try (OutputStream out = new FileOutputStream(target, true)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Nowhere left to say it: stay silent.
        }
    }
}
