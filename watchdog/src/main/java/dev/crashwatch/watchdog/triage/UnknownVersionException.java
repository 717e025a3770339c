package dev.crashwatch.watchdog.triage;

import java.util.List;

/** A version asked about has no counter file in the store; the message lists the versions that do. */
public final class UnknownVersionException extends Exception {
    public UnknownVersionException(String version, List<String> known) {
        super("unknown version '" + version + "'; " + (known.isEmpty() ? "the store has no counters"
                : "known versions: " + String.join(", ", known)));
    }
}
