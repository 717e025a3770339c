package dev.crashwatch.maven;

import dev.crashwatch.watchdog.sidecar.SidecarMain;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sidecars (docs/protocol.md, "The sidecar") that this build's test JVMs started: they count a JVM's crash
 * after it, a fatal error once the JVM is gone, so a report made the moment the tests end waits for them. Found by
 * their command line (the sidecar's main class, the store after {@code --dir}, the program after {@code --program})
 * and their start, no earlier than the build's.
 */
final class Sidecars {
    private Sidecars() {
    }

    /** Waits until every sidecar of the build has exited, at most until {@code deadline}; true if they all did. */
    static boolean awaitAll(BuildStart start, Instant deadline) throws InterruptedException {
        List<ProcessHandle> running = ProcessHandle.allProcesses().filter(p -> ofBuild(p, start)).toList();
        for (ProcessHandle sidecar : running) {
            long left = deadline.toEpochMilli() - System.currentTimeMillis();
            try {
                sidecar.onExit().get(Math.max(left, 0), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // onExit never fails; a handle that cannot be waited for is as good as gone.
            }
        }
        return true;
    }

    private static boolean ofBuild(ProcessHandle process, BuildStart start) {
        ProcessHandle.Info info = process.info();
        if (info.startInstant().map(t -> t.toEpochMilli() < start.startedMillis() - 1000).orElse(true)) {
            return false;
        }
        String[] args = info.arguments().orElse(new String[0]);
        boolean sidecar = false;
        boolean sameStore = false;
        boolean sameProgram = false;
        for (int i = 0; i < args.length; i++) {
            String next = i + 1 < args.length ? args[i + 1] : "";
            sidecar |= args[i].equals(SidecarMain.class.getName());
            sameStore |= args[i].equals("--dir") && Path.of(next).toAbsolutePath().normalize().equals(start.store());
            sameProgram |= args[i].equals("--program") && next.equals(start.program());
        }
        return sidecar && sameStore && sameProgram;
    }
}
