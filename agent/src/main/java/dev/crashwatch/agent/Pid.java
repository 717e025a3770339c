package dev.crashwatch.agent;

import java.io.File;

/** This JVM's process id, read cheaply: {@code /proc/self} on Linux, {@link ProcessHandle} elsewhere. */
final class Pid {
    private Pid() {
    }

    static long current() {
        try {
            String self = new File("/proc/self").getCanonicalPath();
            return Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
        } catch (Exception notLinux) {
            return ProcessHandle.current().pid();
        }
    }
}
