package dev.crashwatch.watchdog.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion for everyone who writes one directory of the store: an exclusive {@link FileChannel#lock()}
 * on a lock file in that directory (between processes; the OS drops it when a holder dies, even by kill -9),
 * under an in-process lock (a JVM may hold a file lock only once, so its own threads queue here first).
 */
final class DirectoryLock {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private final Path lockFile;

    DirectoryLock(Path lockFile) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
    }

    /** Work done while holding the lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    <T> T holding(Locked<T> work) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try {
            PrivateFiles.directories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.fileAttributes());
                 FileLock lock = ch.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }
}
