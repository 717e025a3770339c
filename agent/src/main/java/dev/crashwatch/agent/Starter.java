package dev.crashwatch.agent;

import dev.crashwatch.agent.sidecar.Sidecar;
import dev.crashwatch.agent.wire.ByteSink;
import dev.crashwatch.agent.wire.HelloRecord;
import dev.crashwatch.agent.wire.PipeKey;
import dev.crashwatch.agent.wire.PrivateDir;
import dev.crashwatch.agent.wire.Wire;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The agent's start-up work that may cost time, done on a short-lived daemon thread so that the application's
 * {@code main} does not wait for it: open the launcher's pipe (launcher mode) or start the sidecar (sidecar mode),
 * collect the hello facts and send them (first: a JVM that dies of a fatal error has only them), then, once the JVM
 * has run half a second, prepare the crash path. An uncaught exception that comes before the hello waits for it,
 * briefly; one that comes before the rehearsal does not wait for that.
 */
final class Starter extends Thread {
    private final Agent agent;
    private final StoreDir store;
    /** What {@link #rehearsalDue} waits on; nobody notifies it. */
    private final Object pause = new Object();

    /** {@code store} is null in launcher mode (the watchdog is already listening). */
    Starter(Agent agent, StoreDir store) {
        super("crashwatch-start");
        setDaemon(true);
        this.agent = agent;
        this.store = store;
    }

    @Override
    public void run() {
        try {
            agent.channel().pid();
            StartEnvironment env = store == null ? StartEnvironment.ofThisProcess() : StartEnvironment.viaGetenv();
            if (store == null && !connectPipe(env)) {
                agent.standDown();
                return;
            }
            JvmFlags flags = JvmFlags.ofThisJvm(env); // once: the sidecar's command line and the hello both need it
            if (store != null && !startSidecar(flags)) {
                return;
            }
            String classPath = System.getProperty("java.class.path");
            ByteSink hello = HelloRecord.collect(agent.options().program(), agent.options().version(),
                    agent.channel().pid(), agent.startMillis(), flags.errorFile(), flags.exitOnOutOfMemoryError(),
                    classPath);
            agent.helloCollected(hello, classPath);
            agent.channel().write(Wire.HELLO, hello.array(), hello.length());
            agent.prepareForHeapExhaustion();
        } catch (Throwable ignored) {
            // No hello: the watchdog names the crash without it.
        } finally {
            agent.helloDone();
        }
        if (!rehearsalDue()) {
            return; // The JVM is exiting in an orderly way: a rehearsal now would only slow its exit down.
        }
        try {
            agent.prepareForCrash();
        } catch (Throwable ignored) {
            // A crash will then allocate what it needs, if it can.
        }
    }

    /**
     * Waits until the JVM has run {@link Agent#REHEARSAL_AFTER_MILLIS} since the agent started; false when it is
     * exiting by then (or this thread is interrupted): a short command never pays for the rehearsal. It waits on a
     * monitor, not in {@code Thread.sleep}, whose first call loads two event classes from the module image on
     * recent JDKs (25: {@code jdk.internal.event.Event}, {@code ThreadSleepEvent}) for nothing.
     */
    private boolean rehearsalDue() {
        long due = agent.startMillis() + Agent.REHEARSAL_AFTER_MILLIS;
        synchronized (pause) {
            for (long wait; (wait = due - System.currentTimeMillis()) > 0; ) {
                try {
                    pause.wait(wait);
                } catch (InterruptedException e) {
                    return false;
                }
            }
        }
        return !agent.exiting() && !agent.channel().byeWritten();
    }

    /** Launcher mode: connects the channel to the launcher's pipe; false in a sidecar JVM or if it cannot be opened. */
    private boolean connectPipe(StartEnvironment env) {
        if (Agent.inSidecar(env)) {
            return false;
        }
        OutputStream pipe = openFifo(agent.options(), env);
        if (pipe == null) {
            return false;
        }
        agent.channel().connect(pipe);
        return true;
    }

    /**
     * Opens the watchdog's FIFO (launcher mode), named by the {@code pipe=} option or the variable it names, for
     * writing without ever blocking: read-write ({@code O_RDWR}) opens of a FIFO return at once on Linux, where a
     * write-only open would wait for a reader. Only the FIFO the launcher made ({@link PipeKey}: the same inode) or
     * an existing FIFO of this user in a private directory of this user is opened ({@link PrivateDir#fifoProblem}:
     * never through a link, never a regular file created in its place). Null when it cannot be opened.
     */
    private static OutputStream openFifo(AgentOptions options, StartEnvironment env) {
        String path = options.pipePath(env);
        if (path == null) {
            return null;
        }
        File fifo = new File(path);
        try {
            Path at = fifo.toPath();
            if (!PipeKey.matches(at, options.pipeKey()) && PrivateDir.fifoProblem(at) != null) {
                return null;
            }
            return new FileOutputStream(new RandomAccessFile(fifo, "rw").getFD());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean startSidecar(JvmFlags flags) {
        OutputStream pipe = Sidecar.start(agent.options(), store.dir(), agent.channel().pid(), flags.errorFile());
        if (pipe == null) {
            agent.standDown();
            return false;
        }
        agent.channel().connect(pipe);
        return true;
    }
}
