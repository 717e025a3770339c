package dev.crashwatch.watchdog.watch;

import java.io.PrintStream;

/**
 * Diagnostics printed as {@code crashwatch: MESSAGE} lines on a stream (stderr, for the launchers). A class rather
 * than a lambda: the launcher's Java half boots beside the child, and a lambda would bootstrap java.lang.invoke.
 */
public final class StreamDiagnostics implements Diagnostics {
    private final PrintStream out;

    public StreamDiagnostics(PrintStream out) {
        this.out = out;
    }

    @Override
    public void note(String message) {
        out.println("crashwatch: " + message);
    }
}
