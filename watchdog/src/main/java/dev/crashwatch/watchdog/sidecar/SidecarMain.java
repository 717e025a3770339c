package dev.crashwatch.watchdog.sidecar;

import dev.crashwatch.watchdog.pipe.FrameReader;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.FatalErrorLogs;
import dev.crashwatch.watchdog.watch.KnownJvm;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.RecordingThread;
import dev.crashwatch.watchdog.watch.Session;
import dev.crashwatch.watchdog.watch.SidecarLog;
import dev.crashwatch.watchdog.watch.SpooledCrashes;
import dev.crashwatch.watchdog.watch.StoreRecorder;
import dev.crashwatch.watchdog.watch.Watch;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The sidecar watchdog: {@code java -cp crashwatch.jar dev.crashwatch.watchdog.sidecar.SidecarMain [--dir STORE]
 * [--program P] [--version V] [--pid PID --cwd DIR --started MILLIS [--error-file PATTERN]] [--spooled NAME]...}.
 * Reads crash frames from stdin until end of stream (the JVM that started it closed the pipe or died), waits for that
 * JVM to be gone, then counts as launcher mode does, minus what only an exit status tells ({@code docs/counting.md}).
 * A JVM that said bye ends the sidecar at once, having counted nothing. Beside that, on a thread of its own, it finishes the
 * native launcher's pending runs whose Java half is gone ({@link AbandonedRuns}), as every watchdog does, and waits
 * for that before it exits. {@code --pid} names the JVM that started the sidecar, with its working directory, a time
 * before it could have crashed (the agent gives the moment it started the sidecar) and its {@code -XX:ErrorFile}
 * setting if it has one ({@code %p} unexpanded): if that JVM never wrote a word, its fatal error log is still looked
 * for (a fatal error before its hello was out), where {@link FatalErrorLogs} looks. {@code --spooled} names each
 * crash record the relay ({@code crashwatch-relay}, docs/native.md) wrote to the store's spool before it started
 * this sidecar: those are counted by their spooled copies, exactly once whoever counts them, as the launcher's Java
 * half counts its launcher's.
 *
 * <p>A good guest: it ignores SIGINT and SIGHUP (a Ctrl-C hits the whole process group, and the sidecar must
 * outlive its JVM), writes only to the store's {@code log/sidecar.log}, and loads the parser and the store's
 * writer only when there is something to count. Suggested JVM flags for a small footprint:
 * {@code -Xmx16m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto}.
 */
public final class SidecarMain {
    /** How long a JVM that did not say bye may take to be gone once its pipe is closed (writing its hs_err). */
    static final long JVM_EXIT_WAIT_MILLIS = 10_000;

    private SidecarMain() {
    }

    public static void main(String[] args) {
        ignore("INT");
        ignore("HUP");
        Options options = Options.parse(args);
        Store store = options.dir == null ? Store.openDefault() : Store.at(options.dir);
        SidecarLog log = new SidecarLog(store);
        if (options.error != null) {
            log.note(options.error);
        }
        AbandonedRuns abandoned = AbandonedRuns.start(store, log);
        RecordingThread recorder = new RecordingThread(StoreRecorder.factory(store, options.labels, log, options.spooled),
                StoreRecorder.runLog(store, options.labels, log), log);
        Watch watch = new Watch(recorder);
        new FrameReader(System.in, watch, 0).run();
        List<Session> sessions = watch.sessions();
        for (Session s : sessions) {
            if (!s.byeSeen()) {
                awaitGone(s.pid(), log);
            }
            watch.conclude(s, OptionalInt.empty());
        }
        if (options.app != null && sessions.stream().noneMatch(s -> s.pid() == options.app.pid())) {
            // Not a word from the JVM that started this sidecar: it died before its hello was out.
            awaitGone(options.app.pid(), log);
            watch.concludeUnheard(options.app);
        }
        recorder.close();
        SpooledCrashes.countAll(store, log);
        abandoned.awaitDone(AbandonedRuns.EXIT_WAIT_MILLIS);
        System.exit(0);
    }

    /** Waits for a JVM to be gone (its fatal error log, if any, is complete then); notes one that is not. */
    private static void awaitGone(long pid, SidecarLog log) {
        if (!JvmExit.await(pid, JVM_EXIT_WAIT_MILLIS)) {
            log.note("JVM " + pid + " closed its pipe but is still running; concluding anyway");
        }
    }

    private static void ignore(String signal) {
        try {
            Signal.handle(new Signal(signal), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // Already ignored or reserved: either way it does not stop the sidecar.
        }
    }

    /** The command line; a bad one is noted in the log and otherwise ignored (the sidecar still counts). */
    static final class Options {
        Path dir;
        Labels labels = Labels.NONE;
        /** The JVM that started this sidecar, as its agent tells on the command line: found even if it never writes. */
        KnownJvm app;
        String error;
        /** The spool files the relay wrote for the crash records it handed over ({@link SpooledCrashes#OPTION}). */
        Set<String> spooled = new HashSet<>();

        static Options parse(String[] args) {
            Options o = new Options();
            String program = null;
            String version = null;
            String pid = null;
            String cwd = null;
            String started = null;
            String errorFile = "";
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--dir" -> o.dir = value == null ? null : Path.of(value);
                    case "--program" -> program = value;
                    case "--version" -> version = value;
                    case "--pid" -> pid = value;
                    case "--cwd" -> cwd = value;
                    case "--started" -> started = value;
                    case "--error-file" -> errorFile = value == null ? "" : value;
                    case SpooledCrashes.OPTION -> {
                        if (value != null) {
                            o.spooled.add(value);
                        }
                    }
                    default -> {
                        o.error = "unknown argument " + args[i];
                        continue;
                    }
                }
                i++;
            }
            o.labels = new Labels(program, version);
            if (pid != null && cwd != null && started != null) {
                try {
                    o.app = new KnownJvm(Long.parseLong(pid), Path.of(cwd), errorFile, Long.parseLong(started));
                } catch (RuntimeException e) {
                    o.error = "bad --pid, --cwd or --started: " + e;
                }
            }
            return o;
        }
    }
}
