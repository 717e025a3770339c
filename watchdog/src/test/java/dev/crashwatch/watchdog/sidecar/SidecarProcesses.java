package dev.crashwatch.watchdog.sidecar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sidecar processes of one store, found in {@code /proc} (other tests and other people's sidecars use other
 * stores): a {@code java} or {@code crashwatch-relay} process whose command line runs {@code SidecarMain} or whose
 * environment carries {@code CRASHWATCH_SIDECAR=1}, and whose command line or environment names the store. (The
 * shell that starts a sidecar lives a millisecond and is not counted.)
 */
final class SidecarProcesses {
    private static final String RELAY = "crashwatch-relay";

    private SidecarProcesses() {
    }

    /**
     * One process per sidecar: the relay, or a Java sidecar that no relay of the store started (one started by a
     * relay counts as that relay until the relay is gone). A relay that has handed over exits while its Java sidecar
     * lives on, so the parents are read first and the relays' liveness after: a relay alive at the end was alive when
     * its Java sidecar's parent was read, and a Java sidecar whose relay has gone by then counts on its own. A relay's
     * child between its fork and its exec of Java looks like a relay: it counts as its Java sidecar.
     */
    static List<Long> of(Path store) {
        Map<Long, List<String>> all = commandLines(store);
        Map<Long, Long> parents = parents(all.keySet());
        Set<Long> relays = new HashSet<>(relays(all, parents));
        Set<Long> liveRelays = new HashSet<>();
        for (long relay : relays) {
            if (!gone(relay)) {
                liveRelays.add(relay);
            }
        }
        List<Long> found = new ArrayList<>(liveRelays);
        for (long pid : all.keySet()) {
            if (!relays.contains(pid) && !liveRelays.contains(parents.get(pid))) {
                found.add(pid);
            }
        }
        return found;
    }

    /** Every sidecar process of the store, relays and the Java sidecars they started included. */
    static List<Long> all(Path store) {
        return new ArrayList<>(commandLines(store).keySet());
    }

    /** The store's Java sidecars ({@code SidecarMain} running), whoever started them. */
    static List<Long> javaSidecars(Path store) {
        List<Long> found = new ArrayList<>();
        commandLines(store).forEach((pid, cmdline) -> {
            if (!isRelay(cmdline)) {
                found.add(pid);
            }
        });
        return found;
    }

    /** The store's relays (not counting a relay's child between its fork and its exec of Java, which looks the same). */
    static List<Long> relays(Path store) {
        Map<Long, List<String>> all = commandLines(store);
        return relays(all, parents(all.keySet()));
    }

    private static List<Long> relays(Map<Long, List<String>> all, Map<Long, Long> parents) {
        List<Long> found = new ArrayList<>();
        all.forEach((pid, cmdline) -> {
            if (isRelay(cmdline) && !isRelay(all.get(parents.get(pid)))) {
                found.add(pid);
            }
        });
        return found;
    }

    private static Map<Long, Long> parents(Set<Long> pids) {
        Map<Long, Long> parents = new HashMap<>();
        pids.forEach(pid -> parents.put(pid, parent(pid)));
        return parents;
    }

    private static Map<Long, List<String>> commandLines(Path store) {
        Map<Long, List<String>> found = new LinkedHashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path proc : procs) {
                String name = proc.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    List<String> cmdline = words(proc.resolve("cmdline"));
                    if (isSidecarOf(cmdline, words(proc.resolve("environ")), store)) {
                        found.put(Long.parseLong(name), cmdline);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    private static boolean isSidecarOf(List<String> cmdline, List<String> environ, Path store) {
        boolean java = !cmdline.isEmpty() && (cmdline.get(0).endsWith("java") || isRelay(cmdline));
        boolean sidecar = cmdline.contains(SidecarMain.class.getName()) || environ.contains("CRASHWATCH_SIDECAR=1");
        return java && sidecar && (cmdline.contains(store.toString()) || environ.contains("CRASHWATCH_DIR=" + store));
    }

    private static boolean isRelay(List<String> cmdline) {
        return cmdline != null && !cmdline.isEmpty() && cmdline.get(0).endsWith("/" + RELAY);
    }

    /** The parent's pid, or 0 if the process is gone. */
    static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
