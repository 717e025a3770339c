package dev.crashwatch.watchdog.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a process the watchdog waits on (a JVM, a launcher's Java half) still runs: the one rule every watchdog
 * uses. Its pid is alive, and on Linux it is not a zombie or dead ({@code /proc/PID/stat}: a killed process stays a
 * zombie where nothing reaps orphans, as in a container) — and, given a time, it started no later than then (else the
 * pid was reused by another process).
 */
public final class LiveProcess {
    private LiveProcess() {
    }

    /** Whether process {@code pid} runs. */
    public static boolean running(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive() && !ended(pid);
    }

    /** Whether process {@code pid} runs and started no later than {@code notAfter} (true when its start is unknown). */
    public static boolean runningSince(long pid, Instant notAfter) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive() || ended(pid)) {
            return false;
        }
        Optional<Instant> started = h.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(notAfter);
    }

    /** Whether Linux says process {@code pid} is a zombie or dead ({@code Z}, {@code X}, {@code x}); false elsewhere. */
    private static boolean ended(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')') + 2; // "pid (name) S ...": the name may hold anything
            return afterName > 1 && afterName < stat.length() && "ZXx".indexOf(stat.charAt(afterName)) >= 0;
        } catch (IOException | RuntimeException notLinux) {
            return false;
        }
    }
}
