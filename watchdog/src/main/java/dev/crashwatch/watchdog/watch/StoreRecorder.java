package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.CrashFacts;
import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.LineResolver;
import dev.crashwatch.watchdog.signature.LineResolvers;
import dev.crashwatch.watchdog.signature.Signatures;
import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.Weeks;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts in the store: names crash text with {@link Signatures#counterName} (the one naming function), keeps
 * unreadable input whole, and picks the counter file with {@link CounterKeys}. Created only when something must
 * be recorded: it is what loads the parser, the store's JSON and the host facts.
 */
public final class StoreRecorder implements Recorder {
    /** Largest fatal error log read; the parts that name the crash come first, the memory map can be huge. */
    static final int MAX_LOG_BYTES = 64 << 20;

    private final Store store;
    private final Labels labels;
    private final Diagnostics diagnostics;
    /**
     * Spool files the native helper that started this watchdog (the launcher, the relay) wrote for the crash records
     * it held (docs/native.md; {@link SpooledCrashes#OPTION}); empty otherwise.
     */
    private final Set<String> helperSpooled;
    /** A finished run counted once under its ID ({@link RunBatch}), or null: each count added as it comes. */
    private final RunBatch batch;

    public StoreRecorder(Store store, Labels labels, Diagnostics diagnostics) {
        this(store, labels, diagnostics, Set.of());
    }

    public StoreRecorder(Store store, Labels labels, Diagnostics diagnostics, Set<String> helperSpooled) {
        this(store, labels, diagnostics, helperSpooled, null);
    }

    /**
     * A recorder for one finished run, whose counts (its run among them: {@link #ran}) go into {@code batch}, which
     * its owner then adds once, under the run's ID ({@link RunBatch#flush()}). It records on the caller's thread.
     */
    public StoreRecorder(Store store, Labels labels, Diagnostics diagnostics, Set<String> helperSpooled,
                         RunBatch batch) {
        this.store = store;
        this.labels = labels;
        this.diagnostics = diagnostics;
        this.helperSpooled = helperSpooled;
        this.batch = batch;
        prepareOnSecondThread(store);
    }

    /**
     * On a second thread while the first crash is named: host facts (from the store's cache file; but on a
     * machine's first crash, or after an OS upgrade, oshi takes ~100-200 ms to compute them) and a dry run of the
     * store's increment in memory (its classes loaded and initialized). Both done at once with the naming, on
     * two threads, is that much off the time from a crash to its counter on disk. A failure here is left to the
     * recording thread, which does the same work again and reports what goes wrong.
     */
    private static void prepareOnSecondThread(Store store) {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    if (store.mode() != Mode.OFF) {
                        store.hostFacts();
                        store.prepareToCount();
                    }
                } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
                    // The recording thread meets the same problem and notes it in the diagnostics.
                }
            }
        }, "crashwatch-prepare");
        t.setDaemon(true);
        t.start();
    }

    /** Makes a StoreRecorder when first needed (see {@link RecordingThread}); no lambda on the start-up path. */
    public static Supplier<Recorder> factory(Store store, Labels labels, Diagnostics diagnostics) {
        return factory(store, labels, diagnostics, Set.of());
    }

    /**
     * The same, for the Java watchdog a native helper started (the launcher's Java half, the relay's Java sidecar),
     * which had the crash records it reads spooled as {@code helperSpooled}.
     */
    public static Supplier<Recorder> factory(Store store, Labels labels, Diagnostics diagnostics,
            Set<String> helperSpooled) {
        return new Supplier<>() {
            @Override
            public Recorder get() {
                return new StoreRecorder(store, labels, diagnostics, helperSpooled);
            }
        };
    }

    @Override
    public void crash(Session session, long record, byte[] text, boolean complete) {
        Optional<Path> launcherCopy = SpooledCrashes.named(store, helperSpooled, session.pid(), record);
        if (launcherCopy.isPresent()) {
            // The native helper spooled this record before it started us: its spooled copy is the one that counts, here
            // or (if it is gone) already by another watchdog, under its ID.
            countSpooled(launcherCopy.get());
            return;
        }
        Optional<Path> spooled = SpooledCrashes.find(store, session.pid(), session.hello().startMillis(), record);
        if (spooled.isPresent()) {
            // The agent spooled this record too (it gave up waiting for the pipe): count the two as one.
            countSpooled(spooled.get());
        } else if (complete) {
            count(session, crashName(session.hello(), text), text);
        } else {
            count(session, CounterNames.MALFORMED, text);
        }
    }

    /** Counts a spooled copy of this JVM's crash; in mode {@code on} that starts the day's upload as any recorded crash does. */
    private void countSpooled(Path file) {
        if (SpooledCrashes.count(store, file, diagnostics) && store.mode() == Mode.ON) {
            UploadStarter.afterCrash(store);
        }
    }

    /**
     * The counter name of a crash record's payload, for the JVM that said {@code hello}: its text named with line
     * numbers resolved from the class path the crash record carries (the JVM's at crash time, when it changed since
     * the hello), then the hello's.
     */
    static String crashName(Hello hello, byte[] payload) {
        CrashFacts crash = CrashFacts.parse(payload);
        return Signatures.counterName(LongLines.shorten(new String(crash.text(), StandardCharsets.UTF_8)),
                lines(hello, crash.get(Wire.KEY_CLASS_PATH)));
    }

    @Override
    public void fatalLog(Session session, Path log) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(log)) {
            bytes = in.readNBytes(MAX_LOG_BYTES);
        } catch (IOException e) {
            diagnostics.note("could not read fatal error log " + log + ": " + e.getMessage());
            return;
        }
        count(session, Signatures.fatalErrorLogName(new String(bytes, StandardCharsets.UTF_8)), bytes);
    }

    @Override
    public void plain(Session session, String counterName) {
        count(session, counterName, null);
    }

    @Override
    public void malformed(Session session, byte[] raw) {
        count(session, CounterNames.MALFORMED, raw);
    }

    @Override
    public void ran(Session session) {
        if (batch != null) {
            batch.add(CounterKeys.of(session.hello(), labels, store.hostFacts(), batch.week()), Store.RUNS_COUNTER);
        } else {
            runLog(store, labels, diagnostics).ran(session);
        }
    }

    /** Journals ended runs in {@code store} (no JVM class beyond the store's own is loaded for it). */
    public static RecordingThread.RunLog runLog(Store store, Labels labels, Diagnostics diagnostics) {
        return new RecordingThread.RunLog() {
            @Override
            public void ran(Session session) {
                try {
                    RunsFolder.journal(store, session.hello(), labels, Instant.now());
                } catch (IOException | RuntimeException e) {
                    // Best effort, as in the native helpers: a run that cannot be journaled (a full disk) costs one
                    // run's count, never a line of its own beside the application's output.
                }
            }
        };
    }

    /** Nothing to wait for: each count is durable when made; a batch's counts are added by its owner. */
    @Override
    public void close() {
    }

    private void count(Session session, String name, byte[] raw) {
        try {
            Mode mode = store.mode();
            if (mode == Mode.OFF) {
                return;
            }
            if (raw != null && CounterNames.MALFORMED.equals(name)) {
                if (batch != null) {
                    batch.saveMalformed(raw);
                } else {
                    store.saveMalformed(raw);
                }
            }
            Hello hello = session == null ? Hello.NONE : session.hello();
            if (batch != null) {
                batch.add(CounterKeys.of(hello, labels, store.hostFacts(), batch.week()), name);
                return;
            }
            store.increment(CounterKeys.of(hello, labels, store.hostFacts(), Weeks.current()), name);
            if (mode == Mode.ON) {
                UploadStarter.afterCrash(store);
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.note("could not record " + CounterNames.prefix(name) + " in " + store.dir() + ": " + e);
        }
    }

    private static LineResolver lines(Hello hello, String crashClassPath) {
        String helloClassPath = hello.get(Wire.KEY_CLASS_PATH);
        String classPath = crashClassPath.isBlank() ? helloClassPath
                : helloClassPath.isBlank() ? crashClassPath : crashClassPath + File.pathSeparator + helloClassPath;
        if (classPath.isBlank()) {
            return LineResolver.NONE;
        }
        try {
            String cwd = hello.get(Wire.KEY_CWD);
            return LineResolvers.forClassPath(classPath, cwd.isBlank() ? null : Path.of(cwd));
        } catch (InvalidPathException e) {
            return LineResolver.NONE;
        }
    }
}
