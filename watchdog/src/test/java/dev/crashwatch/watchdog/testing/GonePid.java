package dev.crashwatch.watchdog.testing;

/** A pid that is certainly gone: that of a process that ran and was reaped (a JVM, a Java half no longer there). */
public final class GonePid {
    private GonePid() {
    }

    public static long any() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
