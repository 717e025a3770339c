package dev.crashwatch.watchdog.launch;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The libc calls the launcher needs, through JNA direct mapping: {@code kill(2)} to forward signals and
 * {@code mkfifo(3)} where the mkfifo utility is missing. Loaded on first use only: JNA's start costs ~100 ms.
 */
final class NativeCalls {
    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private NativeCalls() {
    }

    private static native int mkfifo(String path, int mode);

    private static native int kill(int pid, int signal);

    static void mkfifo(Path path) throws IOException {
        if (mkfifo(path.toString(), 0600) != 0) {
            throw new IOException("mkfifo " + path + " failed: errno " + Native.getLastError());
        }
    }

    /** Sends {@code signal} to {@code pid}; false if it could not (the process is gone). */
    static boolean kill(long pid, int signal) {
        return kill((int) pid, signal) == 0;
    }
}
