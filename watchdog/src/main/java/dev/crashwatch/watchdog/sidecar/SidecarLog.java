package dev.crashwatch.watchdog.sidecar;

import dev.crashwatch.agent.wire.Pid;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The sidecar's diagnostics: lines appended to {@code log/sidecar.log} in the store. When the file passes
 * {@link #MAX_BYTES} it becomes {@code sidecar.log.1} (replacing the previous one), so the two never hold more
 * than twice that. A log that cannot be written is given up silently: the sidecar never writes to a stream.
 */
final class SidecarLog implements Diagnostics {
    static final String NAME = "sidecar.log";
    static final long MAX_BYTES = 256 * 1024;

    private final Store store;
    private final long pid = Pid.current();

    SidecarLog(Store store) {
        this.store = store;
    }

    @Override
    public synchronized void note(String message) {
        try {
            Path log = store.logFile(NAME);
            if (Files.exists(log) && Files.size(log) > MAX_BYTES) {
                Files.move(log, log.resolveSibling(NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            String line = Instant.now() + " sidecar " + pid + ": " + message.replace('\n', ' ') + "\n";
            Files.write(log, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // Nowhere left to say it: the application's streams are not ours.
        }
    }
}
