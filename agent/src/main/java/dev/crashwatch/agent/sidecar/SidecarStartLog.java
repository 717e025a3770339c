package dev.crashwatch.agent.sidecar;

import dev.crashwatch.agent.wire.PrivateDir;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The store's {@code log/sidecar.log}: why a sidecar could not start, and the sidecar JVM's own stderr. Capped: a
 * log past {@link #CAP} bytes is moved to {@code sidecar.log.1} (replacing the previous one) before it grows on.
 * This is the one rotation rule of that log: the watchdog's writers ({@code watchdog.watch.SidecarLog}) use
 * {@link #rotate} too.
 */
public final class SidecarStartLog {
    public static final String NAME = "sidecar.log";
    static final long CAP = 256 * 1024;

    private final File file;

    SidecarStartLog(File storeDir) {
        this.file = new File(new File(storeDir, "log"), NAME);
    }

    /**
     * The log file, its directories (the store's included) created 0700 and the file 0600, rotated if it grew past
     * the cap; null if impossible, or if the store or its log directory is not this user's private directory, or
     * the log is a link (never followed).
     */
    File prepared() {
        try {
            Path dir = file.getParentFile().toPath();
            PrivateDir.ensure(dir.getParent());
            PrivateDir.ensure(dir);
            rotate(file);
            return PrivateDir.privateFile(file.toPath()).toFile();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Moves {@code log} to {@code <name>.1} (replacing the previous one) once it is past {@link #CAP} bytes. */
    public static void rotate(File log) {
        if (log.length() > CAP) {
            File old = new File(log.getParentFile(), log.getName() + ".1");
            old.delete();
            log.renameTo(old);
        }
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
