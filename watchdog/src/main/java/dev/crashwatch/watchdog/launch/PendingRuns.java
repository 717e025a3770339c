package dev.crashwatch.watchdog.launch;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.Weeks;
import dev.crashwatch.watchdog.store.files.RegularFiles;
import dev.crashwatch.watchdog.watch.Diagnostics;
import dev.crashwatch.watchdog.watch.LiveProcess;
import dev.crashwatch.watchdog.watch.RunBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Finishes {@link PendingRun}s: the native launcher's Java half finishes its own, and every later watchdog of the
 * store ({@code crashwatch status}, {@code top}... and the next run) finishes those whose Java half is gone - its pid
 * no longer alive, or the file older than {@link #ABANDONED_AFTER_MILLIS} (a Java half stopped or stuck). Each run is
 * recorded with its counts in a {@link RunBatch} under the run's ID, so that it counts once even when two finish it
 * (a stopped Java half continued after another watchdog finished its run): the second adds nothing. The file is
 * deleted once its counts are in.
 */
public final class PendingRuns {
    /** Age after which a pending run is finished even though its Java half still runs (stopped or stuck). */
    static final long ABANDONED_AFTER_MILLIS = 60_000;
    private static final String TEMP_PREFIX = "." + PendingRun.PREFIX;
    private static final String TEMP_SUFFIX = PendingRun.SUFFIX + ".tmp";

    private PendingRuns() {
    }

    /**
     * The Java half's own run, {@code name}: finished from its file; false when the file is gone (another watchdog
     * finished the run already) or its counts could not be added (it stays pending, for the next watchdog). An
     * IOException when it cannot be read.
     */
    static boolean finishOwn(Store store, String name, Diagnostics diagnostics) throws IOException {
        if (!PendingRun.isName(name)) {
            throw new IOException("not a pending run's name: " + name);
        }
        return finish(store, store.spoolDir().resolve(name), diagnostics, false);
    }

    /** Finishes every pending run whose Java half is gone; returns how many. Never throws. */
    public static int finishAbandoned(Store store, Diagnostics diagnostics) {
        int finished = 0;
        for (Path p : files(store)) {
            String name = p.getFileName().toString();
            try {
                if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)) {
                    if (age(p) > ABANDONED_AFTER_MILLIS) {
                        Files.deleteIfExists(p); // left by a launcher killed while it wrote it
                    }
                } else if (PendingRun.isName(name) && finish(store, p, diagnostics, true)) {
                    finished++;
                }
            } catch (IOException | RuntimeException e) {
                diagnostics.note("could not finish pending run " + p + ": " + e);
                setAsideIfOld(p);
            }
        }
        return finished;
    }

    /**
     * Records the run of {@code file} once (unless {@code onlyAbandoned} and its Java half may still record it) and
     * deletes the file; false when it was not finished here.
     */
    private static boolean finish(Store store, Path file, Diagnostics diagnostics, boolean onlyAbandoned)
            throws IOException {
        RunBatch[] batch = {null};
        try {
            long age = age(file);
            PendingRun.read(file, (run, held) -> {
                if (onlyAbandoned && halfAlive(run, file) && age <= ABANDONED_AFTER_MILLIS) {
                    return;
                }
                batch[0] = new RunBatch(store, run.id(), Weeks.startOf(Instant.ofEpochMilli(run.endedMillis())));
                WatchMain.record(store, diagnostics, run.args().toArray(new String[0]), run.cwd(), run.childEnv(), held,
                        batch[0]);
            });
        } catch (NoSuchFileException finishedByAnother) {
            return false;
        }
        if (batch[0] == null) {
            return false;
        }
        try {
            batch[0].flush(); // once the file is closed
        } catch (IOException | RuntimeException e) {
            diagnostics.note("could not record pending run " + file.getFileName() + " (it stays pending): " + e);
            return false;
        }
        Files.deleteIfExists(file);
        return true;
    }

    /**
     * Whether the run's Java half still runs: its pid alive, not a zombie (killed, and not reaped where no init
     * reaps orphans: a container's), in a process that started before the file was written.
     */
    private static boolean halfAlive(PendingRun run, Path file) throws IOException {
        Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        return LiveProcess.runningSince(run.halfPid(), written.plusSeconds(1)); // start times are coarse
    }

    /** A pending run no one can read (damaged, of a newer format) is kept under another name, not retried forever. */
    private static void setAsideIfOld(Path file) {
        try {
            if (age(file) > ABANDONED_AFTER_MILLIS) {
                RegularFiles.setAside(file);
            }
        } catch (IOException | RuntimeException e) {
            // Tried again by the next watchdog.
        }
    }

    private static long age(Path file) throws IOException {
        return System.currentTimeMillis() - Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
    }

    private static List<Path> files(Store store) {
        try {
            return RegularFiles.list(store.spoolDir(), p -> {
                String name = p.getFileName().toString();
                return PendingRun.isName(name) || name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
            });
        } catch (IOException | RuntimeException e) {
            return List.of(); // read again by the next watchdog
        }
    }
}
