package dev.crashwatch.watchdog.store;

import dev.crashwatch.watchdog.store.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store's {@code run/} directory: one private directory per running launcher, named {@code <pid>-<random>} after
 * the launcher that made it, holding its crash pipe. A launcher deletes its own when done; one killed before that
 * leaves it behind, and the next launcher sweeps out every directory whose launcher is gone. A FIFO still open in a
 * watchdog or a child keeps working when its name is gone. The native launcher follows the same rule.
 */
final class RunDirs {
    private static final String PIPE = "crash.pipe";
    private static final Path PROC = Path.of("/proc");

    private RunDirs() {
    }

    /** A new directory for launcher {@code pid} in {@code runs}, after sweeping out the stale ones. */
    static Path create(Path runs, long pid) throws IOException {
        sweep(runs, pid);
        return PrivateFiles.newDirectory(runs.resolve(pid + "-" + PrivateFiles.randomHex(8)));
    }

    /** Deletes the directories (and their crash pipes) of launchers other than {@code self} that are gone. */
    static void sweep(Path runs, long self) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs)) {
            for (Path dir : dirs) {
                long pid = launcherPid(dir.getFileName().toString());
                if (pid > 0 && pid != self && !isAlive(pid)) {
                    Files.deleteIfExists(dir.resolve(PIPE));
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left for the next launcher: sweeping is housekeeping, never a reason not to run.
        }
    }

    /** The pid a run directory's name starts with, or -1 for a name that does not ({@code <pid>-...}). */
    static long launcherPid(String name) {
        int dash = name.indexOf('-');
        if (dash <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isAlive(long pid) {
        if (Files.isDirectory(PROC)) {
            return Files.exists(PROC.resolve(Long.toString(pid)));
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive();
    }
}
