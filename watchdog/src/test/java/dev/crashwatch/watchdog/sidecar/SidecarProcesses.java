package dev.crashwatch.watchdog.sidecar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sidecar JVMs of one store, found in {@code /proc} (other tests and other people's sidecars use other
 * stores): a {@code java} process whose command line runs {@code SidecarMain} or whose environment carries
 * {@code CRASHWATCH_SIDECAR=1}, and whose command line or environment names the store. (The shell that starts a
 * sidecar lives a millisecond and is not counted.)
 */
final class SidecarProcesses {
    private SidecarProcesses() {
    }

    static List<Long> of(Path store) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path proc : procs) {
                String name = proc.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && isSidecarOf(proc, store)) {
                    found.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    private static boolean isSidecarOf(Path proc, Path store) {
        List<String> cmdline = words(proc.resolve("cmdline"));
        List<String> environ = words(proc.resolve("environ"));
        boolean java = !cmdline.isEmpty() && cmdline.get(0).endsWith("java");
        boolean sidecar = cmdline.contains(SidecarMain.class.getName()) || environ.contains("CRASHWATCH_SIDECAR=1");
        return java && sidecar && (cmdline.contains(store.toString()) || environ.contains("CRASHWATCH_DIR=" + store));
    }

    /** A NUL-separated /proc file as words; empty if the process is gone or not ours to read. */
    static List<String> words(Path file) {
        try {
            return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    /**
     * Whether a process has ended: no longer in /proc, or a zombie. A sidecar is adopted by init once the shell that
     * started it is gone, and an init that reaps late (PID 1 in a container, say) leaves it a zombie for a while:
     * exited, holding nothing.
     */
    static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Where a process's file descriptor points ({@code /dev/null}, {@code pipe:[123]}, a path), or "" if gone. */
    static String fd(long pid, int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
