package dev.crashwatch.watchdog.launch;

import dev.crashwatch.watchdog.pipe.FrameReader;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.KnownJvm;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.LiveProcess;
import dev.crashwatch.watchdog.watch.Recorder;
import dev.crashwatch.watchdog.watch.RecordingThread;
import dev.crashwatch.watchdog.watch.RunBatch;
import dev.crashwatch.watchdog.watch.Session;
import dev.crashwatch.watchdog.watch.SidecarLog;
import dev.crashwatch.watchdog.watch.SpooledCrashes;
import dev.crashwatch.watchdog.watch.StoreRecorder;
import dev.crashwatch.watchdog.watch.Watch;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The watching part of one run. The Java {@link Launcher} reads the crash pipe on a daemon thread while the child
 * runs; once the child is gone, it writes the {@code END} frame, lets the reader drain the pipe, concludes every JVM
 * heard from, waits for the recordings to be on disk and counts what agents left in the store's spool.
 * {@code crashwatch-run} (C) holds the pipe itself and gives {@link WatchMain} what it read, once the child is gone:
 * {@link #recordAll} reads it to its end and concludes the same way.
 */
final class RunWatch {
    /** How often the reader's progress is checked while it drains the pipe after the child exits. */
    private static final long DRAIN_CHECK_MILLIS = 200;

    private final Fifo fifo;
    private final RecordingThread recorder;
    private final Watch watch;
    /** The pipe's read end, which the reader reads: the drain asks it whether bytes wait unread. */
    private final InputStream pipe;
    private final FrameReader frames;
    private final Thread reader;
    private final long ownPid;
    private final Store store;
    private final Diagnostics diagnostics;

    private RunWatch(Store store, Labels labels, Diagnostics diagnostics, Fifo fifo, long ownPid) throws IOException {
        this.fifo = fifo;
        this.store = store;
        this.diagnostics = diagnostics;
        this.ownPid = ownPid;
        this.recorder = new RecordingThread(StoreRecorder.factory(store, labels, diagnostics),
                StoreRecorder.runLog(store, labels, diagnostics), diagnostics);
        this.watch = new Watch(recorder);
        this.pipe = fifo.input();
        this.frames = new FrameReader(pipe, watch, ownPid);
        this.reader = new Thread(frames, "crashwatch-pipe-reader");
        reader.setDaemon(true);
    }

    /**
     * Starts reading {@code fifo}; what it reads is recorded in {@code store}. {@code ownPid} is this process's pid,
     * which marks the END frame as the watchdog's own.
     */
    static RunWatch start(Store store, Labels labels, Diagnostics diagnostics, Fifo fifo, long ownPid) throws IOException {
        RunWatch w = new RunWatch(store, labels, diagnostics, fifo, ownPid);
        w.reader.start();
        return w;
    }

    /**
     * Records what {@code held} holds (CW1 frames, read to its end) from a run whose child is gone with {@code status},
     * and concludes it as {@link #finish} does; the crash records in it that the launcher spooled ({@code spooled}:
     * their spool file names) are counted by their spooled copies. With {@code batch} (a pending run: docs/native.md)
     * the rest is counted once under the run's ID, on this thread. Returns when everything is recorded.
     */
    static void recordAll(Store store, Labels labels, Diagnostics diagnostics, InputStream held, KnownJvm child,
                          OptionalInt status, Set<String> spooled, RunBatch batch) {
        Recorder recorder = batch != null ? new StoreRecorder(store, labels, diagnostics, spooled, batch)
                : new RecordingThread(StoreRecorder.factory(store, labels, diagnostics, spooled),
                        StoreRecorder.runLog(store, labels, diagnostics), diagnostics);
        Watch watch = new Watch(recorder);
        new FrameReader(held, watch, 0).run();
        conclude(watch, child, status);
        recorder.close();
        SpooledCrashes.countAll(store, diagnostics);
    }

    /**
     * The child is gone with {@code status} (empty when unknown): reads what is left, concludes and records.
     * Returns when everything is recorded.
     */
    void finish(KnownJvm child, OptionalInt status) throws IOException, InterruptedException {
        fifo.writeEnd(ownPid);
        drain();
        conclude(watch, child, status);
        recorder.close();
        SpooledCrashes.countAll(store, diagnostics);
        // Other runs' trouble is noted in the store's log, never beside this application's output.
        PendingRuns.finishAbandoned(store, new SidecarLog(store));
    }

    /**
     * Lets the reader read up to the END frame. A reader that stops making progress while the pipe holds nothing
     * unread is waiting for the rest of a frame a dead writer never finished, which swallowed the END frame too: it
     * is told to stop and woken up. A reader that only had no CPU (a loaded machine) has the pipe's bytes still to
     * read: stopping it would drop them, the child's hello (its run uncounted) or a crash with them.
     */
    private void drain() throws IOException, InterruptedException {
        long seen = -1;
        while (reader.isAlive()) {
            reader.join(DRAIN_CHECK_MILLIS);
            long now = frames.consumed();
            if (reader.isAlive() && now == seen && nothingUnread()) {
                frames.stop();
                fifo.writeWakeUp();
                reader.join();
            }
            seen = now;
        }
    }

    /** Whether the pipe holds no byte the reader has yet to read ({@code FIONREAD}); true if that cannot be told. */
    private boolean nothingUnread() {
        try {
            return pipe.available() == 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Concludes each JVM heard from that is gone: the child with its exit status (or, if it never said hello, by the
     * fatal error log it may have left: {@code Watch.concludeUnheard}), JVMs it started (a script's JVMs) without
     * one. A JVM still running (started in the background) is left alone.
     */
    private static void conclude(Watch watch, KnownJvm child, OptionalInt status) {
        boolean concluded = watch.concludeUnheard(child);
        for (Session s : watch.sessions()) {
            if (s.pid() == child.pid()) {
                if (!concluded) {
                    watch.conclude(s, status);
                }
            } else if (!LiveProcess.running(s.pid())) {
                watch.conclude(s, OptionalInt.empty());
            }
        }
    }
}
