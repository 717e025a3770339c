package dev.crashwatch.agent.wire;

import java.io.File;

/**
 * This JVM's process id, read cheaply: {@code /proc/self} on Linux, {@link ProcessHandle} elsewhere (its first use
 * starts the JDK's process machinery, a thread pool and the JVM's first lambda). Shared with the watchdog.
 */
public final class Pid {
    private Pid() {
    }

    public static long current() {
        try {
            String self = new File("/proc/self").getCanonicalPath();
            return Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
        } catch (Exception notLinux) {
            return ProcessHandle.current().pid();
        }
    }
}
