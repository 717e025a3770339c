package dev.crashwatch.watchdog.watch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Records on a thread of its own, so that reading the pipe never waits for the store (a stalled reader would let
 * the pipe fill and the agent give up). The real recorder, and with it the parser, the store, jackson and oshi,
 * is created on the first thing to record: a run with no crash never loads them. An ended run is not queued: it is
 * one append to the runs journal, made at once by the {@link RunLog} ({@link RunsFolder}).
 */
public final class RecordingThread implements Recorder {
    /** Longest wait in {@link #close()}: a store that never answers (a hung file system) must not hang the user. */
    static final long CLOSE_TIMEOUT_MILLIS = 30_000;

    /** One of the four calls, queued until the recording thread makes it on the real recorder. */
    private interface Call {
        void on(Recorder target);
    }

    /** Where ended runs go: the runs journal. */
    public interface RunLog {
        void ran(Session session);
    }

    private final Supplier<Recorder> factory;
    private final RunLog runs;
    private final Diagnostics diagnostics;
    private final Queue<Call> queue = new ArrayDeque<>();
    private Thread thread;
    private boolean closed;

    public RecordingThread(Supplier<Recorder> factory, RunLog runs, Diagnostics diagnostics) {
        this.factory = factory;
        this.runs = runs;
        this.diagnostics = diagnostics;
    }

    /** A recording thread that counts no runs (tests of the queue). */
    public RecordingThread(Supplier<Recorder> factory, Diagnostics diagnostics) {
        this(factory, new RunLog() {
            @Override
            public void ran(Session session) {
            }
        }, diagnostics);
    }

    @Override
    public void ran(Session session) {
        runs.ran(session);
    }

    @Override
    public void crash(Session session, byte[] text) {
        submit(new Call() {
            @Override
            public void on(Recorder target) {
                target.crash(session, text);
            }
        });
    }

    @Override
    public void fatalLog(Session session, Path log) {
        submit(new Call() {
            @Override
            public void on(Recorder target) {
                target.fatalLog(session, log);
            }
        });
    }

    @Override
    public void plain(Session session, String counterName) {
        submit(new Call() {
            @Override
            public void on(Recorder target) {
                target.plain(session, counterName);
            }
        });
    }

    @Override
    public void malformed(Session session, byte[] raw) {
        submit(new Call() {
            @Override
            public void on(Recorder target) {
                target.malformed(session, raw);
            }
        });
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

    private synchronized void submit(Call call) {
        queue.add(call);
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
        Call call;
        while ((call = next()) != null) {
            try {
                if (target == null) {
                    target = factory.get();
                }
                call.on(target);
            } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
                diagnostics.note("could not record a crash: " + e);
            }
        }
        if (target != null) {
            target.close();
        }
    }

    private synchronized Call next() {
        while (queue.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null;
            }
        }
        return queue.poll();
    }
}
