package dev.crashwatch.watchdog.triage;

import java.util.List;

/** A program or version asked about has no counter file in the store; the message lists those that do. */
public final class NotInStoreException extends Exception {
    /** @param what {@code version} or {@code program} */
    public NotInStoreException(String what, String value, List<String> known) {
        super("unknown " + what + " '" + value + "'; " + (known.isEmpty() ? "the store has no counters"
                : "known " + what + "s: " + String.join(", ", known)));
    }
}
