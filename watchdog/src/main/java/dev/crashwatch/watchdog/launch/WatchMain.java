package dev.crashwatch.watchdog.launch;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.KnownJvm;
import dev.crashwatch.watchdog.watch.Labels;
import dev.crashwatch.watchdog.watch.RunBatch;
import dev.crashwatch.watchdog.watch.SidecarLog;
import dev.crashwatch.watchdog.watch.SpooledCrashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Java half of a run of the native launcher {@code crashwatch-run} (docs/native.md), started only when the run
 * left something to record, after the child is gone, detached: the launcher does not wait for it. Command:
 * {@code java -Xrs ... WatchMain STATUS CHILD_PID STARTED_MILLIS [--program P] [--version V] [--spooled NAME]...
 * [-- CMD ARGS...]}
 * (the child's exit status as {@code Process.exitValue()} gives it, 128+S when signal S killed it; the child's start,
 * in milliseconds since the epoch; the child's command as the user gave it, without the agent; the child's working
 * directory and environment are this process's own, with the child's {@code JAVA_TOOL_OPTIONS} in
 * {@code CRASHWATCH_CHILD_TOOL_OPTIONS}). Its stdin is what the launcher read from the crash pipe (CW1 frames), to
 * its end; {@code --spooled} names each crash record in it that the launcher also wrote to the store's spool before
 * it started this process, which counts those by their spooled copies (exactly once, whoever counts them). It records into the default store and notes trouble in the store's log: its streams are not the user's.
 */
public final class WatchMain {
    private static final int FIXED_ARGS = 3;

    private WatchMain() {
    }

    public static void main(String[] args) {
        Store store = Store.openDefault();
        Diagnostics diagnostics = new SidecarLog(store);
        try {
            if (args.length < FIXED_ARGS) {
                throw new IllegalArgumentException("usage: WatchMain STATUS CHILD_PID STARTED_MILLIS"
                        + " [--program P] [--version V] [--spooled NAME]... [--pending NAME] [-- CMD ARGS...]");
            }
            String pending = option(args, PendingRun.OPTION);
            if (pending != null) {
                finishPending(store, pending, args, diagnostics);
            } else {
                recordFromPipe(store, diagnostics, args);
            }
            PendingRuns.finishAbandoned(store, diagnostics);
        } catch (RuntimeException e) {
            diagnostics.note("launcher: cannot record the run: " + e);
        }
        System.exit(0);
    }

    /**
     * Finishes this Java half's pending run from its file; nothing when the file is gone (another watchdog finished
     * the run). A file that cannot be read (no other watchdog can either) is recorded from stdin instead, which the
     * launcher gave the same bytes.
     */
    private static void finishPending(Store store, String name, String[] args, Diagnostics diagnostics) {
        try {
            PendingRuns.finishOwn(store, name, diagnostics);
        } catch (IOException e) {
            diagnostics.note("launcher: cannot read pending run " + name + " (" + e + "); recording from the pipe");
            recordFromPipe(store, diagnostics, args);
        }
    }

    private static void recordFromPipe(Store store, Diagnostics diagnostics, String[] args) {
        record(store, diagnostics, args, Path.of("").toAbsolutePath(), System.getenv(), System.in, null);
    }

    /**
     * Records one run from its Java half's arguments {@code args} (the child's working directory {@code cwd}, its
     * environment or the JVM option variables of it {@code env}) and what the launcher read from the pipe,
     * {@code held}; with {@code batch} (a pending run), once under the run's ID.
     */
    static void record(Store store, Diagnostics diagnostics, String[] args, Path cwd, Map<String, String> env,
                       InputStream held, RunBatch batch) {
        KnownJvm child = new KnownJvm(Long.parseLong(args[1]), cwd, childErrorFile(args, env), Long.parseLong(args[2]));
        RunWatch.recordAll(store, labels(args), diagnostics, held, child, OptionalInt.of(Integer.parseInt(args[0])),
                spooled(args), batch);
    }

    /** The value of {@code option} among the options before the child's command; null when it is not there. */
    private static String option(String[] args, String option) {
        int end = commandStart(args);
        for (int i = FIXED_ARGS; i + 1 < end; i += 2) {
            if (args[i].equals(option)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static Labels labels(String[] args) {
        return new Labels(option(args, "--program"), option(args, "--version"));
    }

    /** The spool file names given with {@link SpooledCrashes#OPTION}. */
    static Set<String> spooled(String[] args) {
        Set<String> names = new HashSet<>();
        int end = commandStart(args);
        for (int i = FIXED_ARGS; i + 1 < end; i += 2) {
            if (args[i].equals(SpooledCrashes.OPTION)) {
                names.add(args[i + 1]);
            }
        }
        return names;
    }

    /**
     * The child's {@code -XX:ErrorFile} ({@link ChildErrorFile}): its command is what follows {@code --} in
     * {@code args}, its environment is {@code env} with its {@code JAVA_TOOL_OPTIONS} given back.
     */
    static String childErrorFile(String[] args, Map<String, String> env) {
        Map<String, String> childEnv = new HashMap<>(env);
        ChildCommand.restoreUsersToolOptions(childEnv);
        List<String> command = Arrays.asList(args).subList(Math.min(commandStart(args) + 1, args.length), args.length);
        return ChildErrorFile.of(command, childEnv);
    }

    /** The index of the {@code --} before the child's command; {@code args.length} when there is none. */
    private static int commandStart(String[] args) {
        for (int i = FIXED_ARGS; i < args.length; i++) {
            if (args[i].equals("--")) {
                return i;
            }
        }
        return args.length;
    }
}
