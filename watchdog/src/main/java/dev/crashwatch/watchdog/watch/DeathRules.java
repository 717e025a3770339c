package dev.crashwatch.watchdog.watch;

import dev.crashwatch.watchdog.signature.CounterNames;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a JVM's death counts as when it left neither a crash record nor a fatal error log ({@code docs/counting.md}).
 * An orderly exit (bye seen) or an exit after a crash record counts nothing more; otherwise the exit status decides:
 * 3 with {@code -XX:+ExitOnOutOfMemoryError} is {@code crash/oom-exit}, 128+N is {@code crash/signal/SIG<NAME>}.
 * Without an exit status (sidecar) only the out-of-memory exit can be told apart from other ends.
 */
public final class DeathRules {
    /** The exit status that {@code -XX:+ExitOnOutOfMemoryError} ends the JVM with. */
    public static final int OOM_EXIT_STATUS = 3;

    private DeathRules() {
    }

    /** The plain counter for this death, if it counts; {@code exitStatus} is empty when it cannot be known. */
    public static Optional<String> plainCounter(Session s, OptionalInt exitStatus) {
        if (s.byeSeen() || s.crashRecords() > 0 || !s.hello().isKnown()) {
            return Optional.empty();
        }
        boolean oomExit = s.hello().exitOnOutOfMemoryError();
        if (exitStatus.isEmpty()) {
            return oomExit ? Optional.of(CounterNames.OOM_EXIT) : Optional.empty();
        }
        int status = exitStatus.getAsInt();
        if (status == OOM_EXIT_STATUS && oomExit) {
            return Optional.of(CounterNames.OOM_EXIT);
        }
        int signal = Signals.fromExitStatus(status);
        return signal == 0 ? Optional.empty() : Optional.of(CounterNames.SIGNAL_PREFIX + Signals.name(signal));
    }
}
