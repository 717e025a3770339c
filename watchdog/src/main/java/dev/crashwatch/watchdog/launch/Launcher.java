package dev.crashwatch.watchdog.launch;

import dev.crashwatch.agent.wire.Pid;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.KnownJvm;
import dev.crashwatch.watchdog.watch.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * One {@code crashwatch run}: creates the crash pipe, starts the child with the agent attached, reads the pipe
 * while the child runs, concludes every JVM heard from once the child is gone, and returns the child's exit
 * status. The child starts before anything the run does not need for that is loaded; the parser and the store's
 * writer load only when there is something to count. In mode {@code off} the child runs bare.
 */
public final class Launcher {
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
            ProcessBuilder pb = place(ChildCommand.of(command, AgentOption.of(agentJar, fifo.path(), labels)));
            long started = System.currentTimeMillis();
            Process child = pb.start();
            return watch(child, pb, started, fifo);
        } finally {
            deleteQuietly(runDir);
        }
    }

    private int watch(Process child, ProcessBuilder pb, long started, Fifo fifo)
            throws IOException, InterruptedException {
        SignalForwarder signals = SignalForwarder.install(child.pid());
        RunWatch watch = RunWatch.start(store, labels, diagnostics, fifo, Pid.current());
        int status = child.waitFor();
        signals.childGone();
        watch.finish(gone(child, pb, started), OptionalInt.of(status));
        return status;
    }

    /**
     * The child as the watchdog needs it once it is gone (read then, not while it starts): where and since when to
     * look for its fatal error log, should it have died before its agent said hello.
     */
    private KnownJvm gone(Process child, ProcessBuilder pb, long started) {
        Path cwd = directory != null ? directory : Path.of("").toAbsolutePath();
        return new KnownJvm(child.pid(), cwd, ChildErrorFile.of(pb.command(), pb.environment()), started);
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
