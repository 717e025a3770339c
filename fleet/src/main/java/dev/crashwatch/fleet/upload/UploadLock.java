package dev.crashwatch.fleet.upload;

import dev.crashwatch.watchdog.store.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps two uploads of one store from running at once: an exclusive lock on {@code reports/upload.lock}, taken
 * without waiting (a second upload just says so and ends). The OS drops it when its holder dies, even by kill -9.
 */
final class UploadLock implements AutoCloseable {
    static final String FILE = "upload.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private UploadLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty if another upload holds it. */
    static Optional<UploadLock> tryTake(Path reportsDir) throws IOException {
        PrivateFiles.directories(reportsDir);
        FileChannel ch = FileChannel.open(reportsDir.resolve(FILE), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.fileAttributes());
        try {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return Optional.of(new UploadLock(ch, lock));
            }
        } catch (OverlappingFileLockException e) {
            // this JVM holds it already (a second upload in one test JVM): busy as well
        }
        ch.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
