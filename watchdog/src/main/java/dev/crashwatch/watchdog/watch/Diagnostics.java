package dev.crashwatch.watchdog.watch;

/** Where the watchdog reports its own trouble: stderr in launcher mode, the sidecar's log file in sidecar mode. */
public interface Diagnostics {
    void note(String message);
}
