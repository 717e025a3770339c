package dev.crashwatch.watchdog.store;

import java.util.Locale;
import java.util.Optional;

/** What crashwatch may do: {@code local} (count, never send; the default), {@code on}, {@code off} (nothing). */
public enum Mode {
    OFF, LOCAL, ON;

    /** The word users type and see. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's word; empty if it is not a mode. */
    public static Optional<Mode> parse(String word) {
        for (Mode m : values()) {
            if (m.word().equals(word.trim())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
