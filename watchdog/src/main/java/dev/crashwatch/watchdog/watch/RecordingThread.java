package dev.crashwatch.watchdog.watch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Records on a thread of its own, so that reading the pipe never waits for the store (a stalled reader would let
 * the pipe fill and the agent give up). The real recorder, and with it the parser, the store, jackson and oshi,
 * is created on the first thing to record: a run with no crash never loads them.
 */
public final class RecordingThread implements Recorder {
    /** Longest wait in {@link #close()}: a store that never answers (a hung file system) must not hang the user. */
    static final long CLOSE_TIMEOUT_MILLIS = 30_000;

    private enum What { CRASH, FATAL_LOG, PLAIN, MALFORMED }

    private record Item(What what, Session session, byte[] bytes, Path log, String name) {
    }

    private final Supplier<Recorder> factory;
    private final Diagnostics diagnostics;
    private final Queue<Item> queue = new ArrayDeque<>();
    private Thread thread;
    private boolean closed;

    public RecordingThread(Supplier<Recorder> factory, Diagnostics diagnostics) {
        this.factory = factory;
        this.diagnostics = diagnostics;
    }

    @Override
    public void crash(Session session, byte[] text) {
        submit(new Item(What.CRASH, session, text, null, null));
    }

    @Override
    public void fatalLog(Session session, Path log) {
        submit(new Item(What.FATAL_LOG, session, null, log, null));
    }

    @Override
    public void plain(Session session, String counterName) {
        submit(new Item(What.PLAIN, session, null, null, counterName));
    }

    @Override
    public void malformed(Session session, byte[] raw) {
        submit(new Item(What.MALFORMED, session, raw, null, null));
    }

    /** Waits until every submitted item is recorded, at most {@link #CLOSE_TIMEOUT_MILLIS}. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            notifyAll();
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(CLOSE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            diagnostics.note("gave up waiting for the store after " + CLOSE_TIMEOUT_MILLIS / 1000 + " s; a crash may be uncounted");
        }
    }

    private synchronized void submit(Item item) {
        queue.add(item);
        if (thread == null) {
            thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    work();
                }
            }, "crashwatch-recorder");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    private void work() {
        Recorder target = null;
        Item item;
        while ((item = next()) != null) {
            try {
                if (target == null) {
                    target = factory.get();
                }
                deliver(target, item);
            } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
                diagnostics.note("could not record a crash: " + e);
            }
        }
        if (target != null) {
            target.close();
        }
    }

    private synchronized Item next() {
        while (queue.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null;
            }
        }
        return queue.poll();
    }

    private static void deliver(Recorder target, Item item) {
        switch (item.what()) {
            case CRASH -> target.crash(item.session(), item.bytes());
            case FATAL_LOG -> target.fatalLog(item.session(), item.log());
            case PLAIN -> target.plain(item.session(), item.name());
            case MALFORMED -> target.malformed(item.session(), item.bytes());
            default -> throw new IllegalStateException(item.what().name());
        }
    }
}
