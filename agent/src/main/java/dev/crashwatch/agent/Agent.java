package dev.crashwatch.agent;

import dev.crashwatch.agent.sidecar.Sidecar;
import dev.crashwatch.agent.wire.BoundedWrite;
import dev.crashwatch.agent.wire.ByteSink;
import dev.crashwatch.agent.wire.Deadlines;
import dev.crashwatch.agent.wire.HelloRecord;
import dev.crashwatch.agent.wire.MainJar;
import dev.crashwatch.agent.wire.RecordChannel;
import dev.crashwatch.agent.wire.Spool;
import dev.crashwatch.agent.wire.Wire;
import java.io.File;
import java.io.OutputStream;

/**
 * The agent running in this JVM (at most one, however it was attached): the crash hook, the channel its records
 * travel on, the background start-up work and the shutdown hook that says goodbye. Its start does no I/O beyond
 * holding the main jar open and, in sidecar mode, reading the mode file; everything else (in launcher mode, opening
 * the pipe too) happens on a daemon thread whose hello a crash waits for, briefly, if it comes first.
 */
final class Agent {
    /**
     * The longest a crash delays the dying thread when the watchdog is stuck. HotSpot adds up to 300 ms at exit
     * while a thread is still blocked in a write ({@code VM_Exit::wait_for_threads_in_native_to_block}), so a stuck
     * watchdog costs the JVM's exit about a second in all.
     */
    static final long CRASH_BUDGET_MILLIS = 700;
    /** The longest the goodbye delays the exit (plus the 300 ms above) when the watchdog is stuck. */
    static final long BYE_BUDGET_MILLIS = 500;
    /** The longest a crash waits for the background start-up (hello, sidecar) to finish, within its budget. */
    static final long START_WAIT_MILLIS = 300;
    /**
     * How long after the agent's start the crash-path rehearsal waits ({@link #prepareForCrash}): a short command (a
     * tool launcher's, most of them well under this) ends before and never pays for it, on the second core it would
     * take from the application's start-up. A crash that comes earlier is reported unrehearsed: only one whose heap
     * stays exhausted while it is rendered may then go unreported (docs/protocol.md).
     */
    static final long REHEARSAL_AFTER_MILLIS = 500;

    private static Agent running;

    private final AgentOptions options;
    private final RecordChannel channel;
    /** The store (sidecar mode), where a crash that could not be written in time is spooled; null in launcher mode. */
    private StoreDir store;
    /** The hello once collected, for a spooled crash. */
    private volatile ByteSink hello;
    /** The class path the hello carries, once collected: a crash sends the class path again if it changed since. */
    private volatile String helloClassPath;
    private final long startMillis = System.currentTimeMillis();
    private CrashHook hook;
    private Starter starter;
    /** Whether crashwatch-start is done with the hello (sent, or given up); guarded by {@link #helloLock}. */
    private boolean helloDone;
    private final Object helloLock = new Object();
    /** Set by the goodbye: crashwatch-start then skips its rehearsal, which would only slow the exit down. */
    private volatile boolean exiting;
    private CrashRenderer spareRenderer;
    /** Set once the hello is out: what an OutOfMemoryError that leaves no heap for the report still sends. */
    private volatile HeapExhaustedRecord heapExhausted;

    private Agent(AgentOptions options, RecordChannel channel) {
        this.options = options;
        this.channel = channel;
    }

    /**
     * Starts the agent unless one already runs in this JVM, this JVM is a sidecar, or the mode is off. In launcher
     * mode this is all {@code premain} does: hold the main jar open ({@code MainJar.holdOpen}: a cost moved, not
     * added), install the hooks, start {@code crashwatch-start}; the pid, the sidecar check and opening the pipe
     * (checking it is this user's: ~1 ms of file attributes and user lookups) wait for that thread, which stands the
     * agent down again if the pipe cannot be opened.
     */
    static synchronized void start(AgentOptions options) {
        if (running != null) {
            return;
        }
        StoreDir store = null;
        if (options.pipe() == null) {
            if (inSidecar(StartEnvironment.viaGetenv())) {
                return;
            }
            store = StoreDir.resolve(options.dir());
            if (store.modeOff()) {
                return;
            }
        }
        MainJar.holdOpen(); // not an extra cost: the launcher would parse the main jar next, on this thread
        Agent agent = new Agent(options, new RecordChannel(null));
        agent.store = store;
        agent.hook = CrashHook.install(agent);
        agent.starter = new Starter(agent, store);
        Runtime.getRuntime().addShutdownHook(new ByeHook(agent));
        agent.starter.start();
        running = agent;
    }

    /** Whether this JVM is a crashwatch sidecar (the agent then does nothing: no recursion). */
    static boolean inSidecar(StartEnvironment env) {
        return env.get(Sidecar.ENV) != null;
    }

    AgentOptions options() {
        return options;
    }

    RecordChannel channel() {
        return channel;
    }

    long startMillis() {
        return startMillis;
    }

    /** crashwatch-start is done with the hello: sent, or not to be sent at all. */
    void helloDone() {
        synchronized (helloLock) {
            helloDone = true;
            helloLock.notifyAll();
        }
    }

    /** Whether the JVM is exiting in an orderly way (the goodbye has begun). */
    boolean exiting() {
        return exiting;
    }

    /**
     * Waits until crashwatch-start is done with the hello, until {@code deadline} at most (not at all when it never
     * started). An interrupt does not cut the wait short; it is kept. Never throws.
     */
    private void awaitHello(long deadline) {
        boolean interrupted = false;
        Thread startUp = starter;
        synchronized (helloLock) {
            long wait;
            while (!helloDone && startUp != null && startUp.isAlive() && (wait = Deadlines.millisLeft(deadline)) > 0) {
                try {
                    helloLock.wait(wait);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the hello the start-up thread collected (and sent) with the class path in it, for a crash. */
    void helloCollected(ByteSink collected, String classPath) {
        hello = collected;
        helloClassPath = classPath;
    }

    /**
     * The class path now, if the hello said another (or none was sent): the watchdog resolves line numbers from it.
     * Surefire's fork rewrites {@code java.class.path} after premain from its booter jar, which it deletes when the
     * fork ends, to the test class path, which stays; a watchdog that names the crash after that (the native
     * launcher's Java half always does) finds the classes only there.
     */
    private String changedClassPath() {
        String now = System.getProperty("java.class.path");
        return now == null || now.isEmpty() || now.equals(helloClassPath) ? null : now;
    }

    /**
     * The background start-up found that this JVM wants no crash reporting after all (a sidecar JVM, no pipe to
     * open, or no sidecar could start): step aside, uninstalling the hook and sending nothing more, not even the
     * goodbye.
     */
    void standDown() {
        hook.uninstall();
        channel.silence();
    }

    /**
     * Prepares what a crash needs so that one with the heap exhausted still reports: the rendering buffer, and a
     * rehearsal of the whole crash path on a made-up exception into a channel that discards ({@code /dev/null}: the
     * record goes inline, as one into an empty pipe does). A class or constant first used at crash time would have
     * to be loaded or resolved then, which allocates; after the rehearsal every one the crash path uses is in place.
     * (The write thread that bounds a longer write is not rehearsed: where it cannot be had, the record is written
     * inline.) Runs on the background start-up thread.
     */
    void prepareForCrash() {
        synchronized (this) {
            if (spareRenderer == null) {
                spareRenderer = new CrashRenderer();
            }
        }
        Throwable sample = Rehearsal.sampleCrash();
        OutputStream nullPipe = Rehearsal.nullPipe();
        try {
            report(new RecordChannel(channel.pid(), nullPipe), Thread.currentThread(), sample);
        } finally {
            Rehearsal.close(nullPipe);
        }
        hook.rehearse(Rehearsal.silentCrash());
        CrashRenderer text = takeRenderer();
        text.renderMinimal(Thread.currentThread(), sample);
        giveBack(text);
        Rehearsal.cacheClassNames();
    }

    /** Reports one uncaught exception: bounded, never throws. Called by the crash hook before it prints. */
    void reportCrash(Thread thread, Throwable error) {
        report(channel, thread, error);
    }

    private void report(RecordChannel to, Thread thread, Throwable error) {
        try {
            long deadline = Deadlines.in(CRASH_BUDGET_MILLIS);
            if (starter != Thread.currentThread()) {
                awaitHello(Math.min(deadline, Deadlines.in(START_WAIT_MILLIS))); // not the rehearsal: it may wait
            }
            if (to.silenced() || !to.usable() && (to != channel || store == null)) {
                return;
            }
            CrashRenderer text = takeRenderer();
            ByteSink rendered = text.render(thread, error, changedClassPath());
            long record = to.nextRecord();
            if (!BoundedWrite.send(to, Wire.CRASH, rendered.array(), rendered.length(), record, deadline)
                    && to == channel && store != null) {
                spool(record, rendered);
            }
            giveBack(text);
        } catch (Throwable failed) {
            // Never harm the dying thread more than it is harmed already. An OutOfMemoryError that left no heap for
            // the report (before the rehearsal, the report's classes still had to be loaded) says at least what died.
            HeapExhaustedRecord last = heapExhausted;
            if (error instanceof OutOfMemoryError && to == channel && last != null) {
                last.send(thread, error);
            }
        }
    }

    /** crashwatch-start, once the hello is out: prepares the record an OutOfMemoryError sends if nothing else can. */
    void prepareForHeapExhaustion() {
        CrashHook.resolveEarly();
        if (channel.usable()) {
            heapExhausted = HeapExhaustedRecord.prepare(channel);
        }
    }

    /**
     * The crash could not be written in time (sidecar not connected yet, a stopped or slow watchdog, a dead pipe):
     * it goes to the store's spool, for the next watchdog to count. If the pipe took it after all while it was being
     * spooled, the spooled copy is deleted again; a watchdog that reads the pipe's copy while the spooled one exists
     * counts the two as one (docs/protocol.md, "The spool").
     */
    private void spool(long record, ByteSink rendered) {
        ByteSink facts = hello;
        if (facts == null) {
            JvmFlags flags = JvmFlags.ofThisJvm(StartEnvironment.viaGetenv()); // sidecar mode: parsed already
            facts = HelloRecord.collect(options.program(), options.version(), channel.pid(), startMillis,
                    flags.errorFile(), flags.exitOnOutOfMemoryError(), System.getProperty("java.class.path"));
        }
        File spooled = Spool.write(store.dir(), channel.pid(), startMillis, record, facts, rendered.array(),
                rendered.length());
        if (spooled != null && channel.delivered(record)) {
            spooled.delete();
        } else {
            Sidecar.note(store.dir(), channel.pid(), spooled != null
                    ? "crash record " + record + " spooled as " + spooled.getName() + ": the sidecar did not take it in time"
                    : "crash record " + record + " not spooled: the sidecar did not take it in time, and the spool cannot be"
                            + " written or holds the relay's copy of it already");
        }
    }

    /**
     * Says goodbye from the shutdown hook: bounded, never throws. In launcher mode it first waits for the hello, up
     * to {@link #START_WAIT_MILLIS}: the launcher counts a run from its hello, and a JVM whose {@code main} ends
     * before crashwatch-start has sent it (a loaded machine, a program that does next to nothing) would otherwise
     * not be counted at all. In sidecar mode it does not wait for the background start-up: a JVM that exits before
     * its sidecar was connected had nothing to report.
     */
    void sayBye() {
        try {
            exiting = true;
            reportUnplannedExit();
            long deadline = Deadlines.in(BYE_BUDGET_MILLIS);
            if (store == null) {
                awaitHello(Math.min(deadline, Deadlines.in(START_WAIT_MILLIS)));
            }
            if (!channel.usable()) {
                return;
            }
            ByteSink bye = new ByteSink(64);
            bye.text(Wire.KEY_HANDLER_REPLACED);
            bye.text(hook.replaced() ? "=true\n" : "=false\n");
            BoundedWrite.send(channel, Wire.BYE, bye.array(), bye.length(), deadline);
        } catch (Throwable ignored) {
            // Exit goes on.
        }
    }

    /** With option {@code exitFrom}: an exit called by other code is reported as a crash before the goodbye. */
    private void reportUnplannedExit() {
        if (options.exitFrom() != null) {
            UnplannedExit exit = UnplannedExit.find(options.exitFrom());
            if (exit != null) {
                reportCrash(exit.thread(), exit);
            }
        }
    }

    private synchronized CrashRenderer takeRenderer() {
        CrashRenderer text = spareRenderer;
        spareRenderer = null;
        return text != null ? text : new CrashRenderer();
    }

    private synchronized void giveBack(CrashRenderer text) {
        if (spareRenderer == null && text.reusable()) {
            spareRenderer = text;
        }
    }
}
