package dev.crashwatch.fleet.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The log that makes a {@link FolderStore}'s puts durable together: the puts that arrive while one fsync runs are
 * appended to the current segment under {@code _collector/log/} in one write and made durable by the next single
 * {@code fdatasync}; only then does each caller put its files in place (rename) and return. A segment is
 * preallocated (zeros written and fsynced ahead, in the background), so that fdatasync writes the records and no
 * file-system metadata: it does not wait for a journal commit, which other writers to the disk make slow. Files put in
 * place are not fsynced one by one: once a segment is closed (full, or {@link #SEGMENT_MILLIS} old), a
 * background checkpoint fsyncs its files and their folders, many at once, then deletes it. A segment still there at
 * start is replayed ({@link FolderStore}), so a crash at any instant loses nothing that was acknowledged.
 */
final class GroupCommit implements AutoCloseable {
    static final long SEGMENT_BYTES = 1L << 20;
    static final long SEGMENT_MILLIS = 1000;
    /** Concurrent fsyncs of a checkpoint: the file system merges their journal commits. */
    private static final int SYNC_THREADS = 16;

    private final Path root;
    private final Path logFolder;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Request stop = new Request(new byte[0], List.of());
    private final Thread writer;
    private final ExecutorService checkpointer = Executors.newSingleThreadExecutor(daemon("collector-checkpoint"));
    private final ExecutorService syncers = Executors.newFixedThreadPool(SYNC_THREADS, daemon("collector-fsync"));
    /** Its own thread: a spare segment must never wait behind a checkpoint's fsyncs. */
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(daemon("collector-log-prepare"));
    private boolean closing;
    /** The writer thread's: the segment being appended to (none until the first append after a rotation). */
    private long sequence;
    private Segment segment;
    private FileChannel channel;
    private long committed;
    /** The next segment, being prepared; none before the first append, so an idle store writes nothing. */
    private CompletableFuture<Path> spare;
    /** The checkpoint thread's: closed segments not yet checkpointed, oldest first. */
    private final Deque<Segment> closed = new ArrayDeque<>();

    /** An action run in the caller's thread once its records are durable: it puts the files in place. */
    interface Install {
        void run() throws IOException;
    }

    /**
     * Opens the log in {@code logFolder}; {@code replayed} are the files a {@link FolderStore} just put in place
     * from the {@code leftover} segments, which this makes durable before deleting those segments.
     */
    GroupCommit(Path root, Path logFolder, List<Path> leftover, Collection<Path> replayed) throws IOException {
        this.root = root;
        this.logFolder = logFolder;
        sync(replayed);
        for (Path p : leftover) {
            Files.deleteIfExists(p);
        }
        force(logFolder);
        sequence = leftover.isEmpty() ? 0 : number(leftover.get(leftover.size() - 1));
        writer = daemon("collector-log").newThread(this::write);
        writer.start();
    }

    /** The segments in {@code logFolder}, oldest first. */
    static List<Path> segments(Path logFolder) throws IOException {
        try (Stream<Path> files = Files.list(logFolder)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{16}\\.log"))
                    .sorted().toList();
        }
    }

    /**
     * Appends {@code records} (which will put {@code targets} in place) with whatever else is waiting, returns once
     * they are durable and {@code install} has run.
     */
    void commit(byte[] records, List<Path> targets, Install install) throws IOException {
        Request request = new Request(records, targets);
        synchronized (this) {
            if (closing) {
                throw new IOException("the storage is closed");
            }
            queue.add(request);
        }
        try {
            request.logged.join(); // not interruptible: once queued, the caller must see it through
        } catch (CompletionException e) {
            throw io(e.getCause());
        }
        try {
            install.run();
            request.installed.complete(null);
        } catch (IOException | RuntimeException e) {
            request.installed.completeExceptionally(e);
            throw e;
        }
    }

    private void write() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            Request first;
            try {
                first = queue.poll(SEGMENT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = stop;
            }
            if (first == stop) {
                break;
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch);
                boolean stopping = batch.remove(stop);
                append(batch);
                batch.clear();
                if (stopping) {
                    break;
                }
            }
            if (segment != null && (committed >= SEGMENT_BYTES
                    || System.nanoTime() - segment.opened >= TimeUnit.MILLISECONDS.toNanos(SEGMENT_MILLIS))) {
                rotate();
            }
        }
        if (segment != null) {
            rotate();
        }
        try {
            if (spare != null) {
                Files.deleteIfExists(spare.join());
            }
        } catch (IOException | CompletionException e) {
            // an empty segment: dropped at the next start
        }
    }

    private void append(List<Request> batch) {
        long bytes = 0;
        for (Request r : batch) {
            bytes += r.records.length;
        }
        if (channel != null && committed > 0 && committed + bytes > SEGMENT_BYTES) {
            rotate();
        }
        try {
            if (channel == null) {
                open();
            }
            ByteBuffer[] buffers = new ByteBuffer[batch.size()];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = ByteBuffer.wrap(batch.get(i).records);
            }
            channel.position(committed);
            while (buffers[buffers.length - 1].hasRemaining()) {
                channel.write(buffers);
            }
            channel.force(false);
            committed += bytes;
        } catch (IOException e) {
            batch.forEach(r -> r.logged.completeExceptionally(e));
            if (channel != null) {
                rotate(); // cut what the failed append left; the next one starts a new segment
            }
            return;
        }
        for (Request r : batch) {
            segment.targets.addAll(r.targets);
            segment.installs.add(r.installed);
            r.logged.complete(null);
        }
    }

    /** Takes the spare segment and starts preparing the next one. */
    private void open() throws IOException {
        CompletableFuture<Path> ready = spare != null ? spare : prepare(++sequence);
        spare = prepare(++sequence);
        try {
            Path file = ready.join();
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            segment = new Segment(file, System.nanoTime());
            committed = 0;
        } catch (CompletionException e) {
            throw io(e.getCause());
        }
    }

    /** Segment {@code number}: zeros (which end a replay), fsynced, with its name; unless there is no room for them. */
    private CompletableFuture<Path> prepare(long number) {
        Path file = logFolder.resolve(String.format("%016d.log", number));
        return CompletableFuture.supplyAsync(() -> {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                try {
                    ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
                    for (long at = 0; at < SEGMENT_BYTES; at += zeros.capacity()) {
                        zeros.clear();
                        while (zeros.hasRemaining()) {
                            c.write(zeros, at + zeros.position());
                        }
                    }
                } catch (IOException full) {
                    c.truncate(0); // no room: appended to instead, each fdatasync then a journal commit too
                }
                c.force(true);
                force(logFolder);
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, preparer);
    }

    private void rotate() {
        try (FileChannel done = channel) {
            done.truncate(committed); // nothing unacknowledged is replayed
        } catch (IOException e) {
            // a torn tail is cut at replay anyway
        }
        Segment full = segment;
        segment = null;
        channel = null;
        checkpointer.execute(() -> checkpoint(full));
    }

    /** Makes the files of {@code segment} (and of every older one left) durable, oldest first, then deletes it. */
    private void checkpoint(Segment segment) {
        closed.addLast(segment);
        while (!closed.isEmpty()) {
            Segment oldest = closed.peekFirst();
            try {
                CompletableFuture.allOf(oldest.installs.toArray(CompletableFuture[]::new)).join();
                sync(oldest.targets);
                Files.deleteIfExists(oldest.file);
                force(logFolder);
            } catch (IOException | CompletionException e) {
                return; // kept, in order: tried again after the next rotation, else replayed at the next start
            }
            closed.removeFirst();
        }
    }

    /** Fsyncs {@code files} and every folder from theirs up to the root, many at once. */
    void sync(Collection<Path> files) throws IOException {
        Set<Path> all = new LinkedHashSet<>(files);
        for (Path file : files) {
            for (Path folder = file.getParent(); folder.startsWith(root); folder = folder.getParent()) {
                if (!all.add(folder)) {
                    break;
                }
            }
        }
        List<Future<?>> running = new ArrayList<>();
        for (Path p : all) {
            running.add(syncers.submit(() -> {
                force(p);
                return null;
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw io(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    static void force(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    private static IOException io(Throwable failure) {
        return failure instanceof IOException io ? io : new IOException(failure);
    }

    private static long number(Path segment) {
        return Long.parseLong(segment.getFileName().toString().replace(".log", ""));
    }

    /** Appends what is queued, checkpoints every segment and stops. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            queue.add(stop);
        }
        try {
            writer.join();
            checkpointer.shutdown();
            checkpointer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            syncers.shutdown();
            preparer.shutdown();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Request {
        final byte[] records;
        final List<Path> targets;
        final CompletableFuture<Void> logged = new CompletableFuture<>();
        final CompletableFuture<Void> installed = new CompletableFuture<>();

        Request(byte[] records, List<Path> targets) {
            this.records = records;
            this.targets = targets;
        }
    }

    private static final class Segment {
        final Path file;
        final long opened;
        final List<Path> targets = new ArrayList<>();
        final List<CompletableFuture<Void>> installs = new ArrayList<>();

        Segment(Path file, long opened) {
            this.file = file;
            this.opened = opened;
        }
    }
}
