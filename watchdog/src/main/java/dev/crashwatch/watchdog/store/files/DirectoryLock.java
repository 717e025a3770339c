package dev.crashwatch.watchdog.store.files;

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
public final class DirectoryLock {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    /** How long a writer waits for the lock before giving up with an IOException. */
    public static final long MAX_WAIT_MILLIS = 10_000;
    private final Path lockFile;
    private final long maxWaitMillis;

    public DirectoryLock(Path lockFile) {
        this(lockFile, MAX_WAIT_MILLIS);
    }

    public DirectoryLock(Path lockFile, long maxWaitMillis) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Work done while holding the lock. */
    public interface Locked<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding the lock. Waits at most {@link #MAX_WAIT_MILLIS} (by default) for it: a holder that is stuck
     * (stopped, on a hung file system) must not hang a watchdog, and through it the command it wraps.
     */
    public <T> T holding(Locked<T> work) throws IOException {
        ReentrantLock local = IN_PROCESS.get(lockFile);
        if (local == null) {
            ReentrantLock fresh = new ReentrantLock();
            local = IN_PROCESS.putIfAbsent(lockFile, fresh);
            local = local == null ? fresh : local;
        }
        local.lock();
        try {
            PrivateFiles.directories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.fileAttributes());
                 FileLock lock = acquire(ch)) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    private FileLock acquire(FileChannel ch) throws IOException {
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
        long pause = 1;
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the store is locked by another process (" + lockFile + ") for over "
                        + maxWaitMillis + " ms");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for " + lockFile);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
