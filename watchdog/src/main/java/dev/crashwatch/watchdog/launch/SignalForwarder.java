package dev.crashwatch.watchdog.launch;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes the signals a user sends to {@code crashwatch run} on to the child: SIGINT, SIGTERM, SIGHUP, and SIGQUIT
 * where the JVM lets go of it. The watchdog itself does not stop on them; it stops when the child does.
 *
 * <p>HotSpot keeps SIGQUIT for its thread dump and refuses any other handler for it (with or without -Xrs), so
 * SIGQUIT sent to the watchdog alone is not forwarded; Ctrl-\ in a terminal reaches the child directly, since
 * the terminal signals the whole foreground process group (the {@code crashwatch} script silences the
 * watchdog's own thread dump). The same holds for Ctrl-C: the child gets SIGINT from the terminal and once more
 * from the watchdog, which a JVM treats as one shutdown request.
 */
public final class SignalForwarder implements SignalHandler {
    /** The signals forwarded, by their JVM names. */
    static final String[] SIGNALS = {"INT", "TERM", "HUP", "QUIT"};

    private final long childPid;
    private volatile boolean childGone;

    private SignalForwarder(long childPid) {
        this.childPid = childPid;
    }

    /** Installs handlers for every signal the JVM allows; returns the forwarder so it can be stopped. */
    public static SignalForwarder install(long childPid) {
        SignalForwarder f = new SignalForwarder(childPid);
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), f);
            } catch (IllegalArgumentException e) {
                // Reserved by the JVM (SIGQUIT always, the others under -Xrs): not ours to forward.
            }
        }
        return f;
    }

    /** The child has exited: its pid may be reused, so nothing more is sent to it. */
    public void childGone() {
        childGone = true;
    }

    @Override
    public void handle(Signal signal) {
        if (!childGone) {
            NativeCalls.kill(childPid, signal.getNumber());
        }
    }
}
