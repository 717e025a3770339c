package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.sidecar.SidecarStartLog;
import dev.crashwatch.agent.wire.Pid;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.files.PrivateFiles;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.util.Set;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The diagnostics of a watchdog that has no terminal of its own (the sidecar, the native launcher's Java half, and
 * the Java launcher, whose stderr is the application's): lines appended
 * to {@code log/sidecar.log} in the store. Past 256 KiB the file becomes {@code sidecar.log.1}, replacing the previous
 * one ({@link SidecarStartLog#rotate}, the one rotation rule), so the two never hold more than twice that. A log that
 * cannot be written is given up silently: these watchdogs never write to a stream.
 */
public final class SidecarLog implements Diagnostics {
    static final String NAME = SidecarStartLog.NAME;

    private final Store store;
    private final long pid = Pid.current();

    public SidecarLog(Store store) {
        this.store = store;
    }

    @Override
    public synchronized void note(String message) {
        try {
            Path log = store.logFile(NAME);
            SidecarStartLog.rotate(log.toFile());
            String line = Instant.now() + " sidecar " + pid + ": " + message.replace('\n', ' ') + "\n";
            try (SeekableByteChannel out = Files.newByteChannel(log, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), PrivateFiles.fileAttributes())) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            // Nowhere left to say it: the application's streams are not ours.
        }
    }
}
