package dev.crashwatch.watchdog.launch;

import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.FrameReader;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.RecordingThread;
import dev.crashwatch.watchdog.watch.Session;
import dev.crashwatch.watchdog.watch.StoreRecorder;
import dev.crashwatch.watchdog.watch.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code crashwatch run}: creates the crash pipe, starts the child with the agent attached, reads the pipe
 * while the child runs, concludes every JVM heard from once the child is gone, and returns the child's exit
 * status. The child starts before anything the run does not need for that is loaded; the parser and the store's
 * writer load only when there is something to count. In mode {@code off} the child runs bare.
 */
public final class Launcher {
    /** How often the reader's progress is checked while it drains the pipe after the child exits. */
    private static final long DRAIN_CHECK_MILLIS = 200;

    private final Store store;
    private final Labels labels;
    private final Path agentJar;
    private final Diagnostics diagnostics;
    private Path directory;
    private Path output;

    public Launcher(Store store, Labels labels, Path agentJar, Diagnostics diagnostics) {
        this.store = store;
        this.labels = labels;
        this.agentJar = agentJar;
        this.diagnostics = diagnostics;
    }

    /**
     * Runs children in {@code directory} with stdout and stderr appended to {@code output} instead of inherited
     * (the demo keeps its samples' noise and fatal error logs out of the user's way).
     */
    public Launcher quietIn(Path directory, Path output) {
        this.directory = directory;
        this.output = output;
        return this;
    }

    /** Runs {@code command} to its end and returns its exit status (128+N when signal N killed it). */
    public int run(List<String> command) throws IOException, InterruptedException {
        if (store.mode() == Mode.OFF) {
            return bare(place(ChildCommand.of(command, null)));
        }
        Path runDir = null;
        Fifo fifo;
        try {
            runDir = store.newRunDir();
            fifo = Fifo.create(runDir);
        } catch (IOException e) {
            deleteQuietly(runDir);
            diagnostics.note("cannot create the crash pipe in " + store.dir() + " (" + e.getMessage()
                    + "); running without crash reporting");
            return bare(place(ChildCommand.of(command, null)));
        }
        try (fifo) {
            Process child = place(ChildCommand.of(command, AgentOption.of(agentJar, fifo.path(), labels))).start();
            return watch(child, fifo);
        } finally {
            deleteQuietly(runDir);
        }
    }

    private int watch(Process child, Fifo fifo) throws IOException, InterruptedException {
        SignalForwarder signals = SignalForwarder.install(child.pid());
        RecordingThread recorder = new RecordingThread(StoreRecorder.factory(store, labels, diagnostics), diagnostics);
        Watch watch = new Watch(recorder);
        long ownPid = ProcessHandle.current().pid();
        FrameReader frames = new FrameReader(fifo.input(), watch, ownPid);
        Thread reader = new Thread(frames, "crashwatch-pipe-reader");
        reader.setDaemon(true);
        reader.start();
        int status = child.waitFor();
        signals.childGone();
        fifo.writeEnd(ownPid);
        drain(reader, frames, fifo);
        conclude(watch, child.pid(), status);
        recorder.close();
        return status;
    }

    /**
     * Lets the reader read up to the END frame. A reader that stops making progress is waiting for the rest of a
     * frame a dead writer never finished, which swallowed the END frame too: it is told to stop and woken up.
     */
    private static void drain(Thread reader, FrameReader frames, Fifo fifo) throws IOException, InterruptedException {
        long seen = -1;
        while (reader.isAlive()) {
            reader.join(DRAIN_CHECK_MILLIS);
            long now = frames.consumed();
            if (reader.isAlive() && now == seen) {
                frames.stop();
                fifo.writeWakeUp();
                reader.join();
            }
            seen = now;
        }
    }

    /**
     * Concludes each JVM heard from that is gone: the child with its exit status, JVMs it started (a script's
     * JVMs) without one. A JVM still running (started in the background) is left alone.
     */
    private static void conclude(Watch watch, long childPid, int status) {
        for (Session s : watch.sessions()) {
            if (s.pid() == childPid) {
                watch.conclude(s, OptionalInt.of(status));
            } else if (!isAlive(s.pid())) {
                watch.conclude(s, OptionalInt.empty());
            }
        }
    }

    private ProcessBuilder place(ProcessBuilder pb) {
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        if (output != null) {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        }
        return pb;
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // Left for `crashwatch clean`; the run itself is unharmed.
        }
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive();
    }

    /** Runs {@code command} with no agent and nothing recorded (mode off), signals still forwarded. */
    public static int bare(List<String> command) throws IOException, InterruptedException {
        return bare(ChildCommand.of(command, null));
    }

    private static int bare(ProcessBuilder pb) throws IOException, InterruptedException {
        Process child = pb.start();
        SignalForwarder signals = SignalForwarder.install(child.pid());
        int status = child.waitFor();
        signals.childGone();
        return status;
    }
}
