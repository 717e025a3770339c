package dev.crashwatch.watchdog.parse;

import java.util.Optional;

/** The outcome of a parse: a value, or the reason the text could not be read ("unparseable"). */
public record Parsed<T>(T value, String problem) {
    /** A successful parse. */
    public static <T> Parsed<T> of(T value) {
        return new Parsed<>(value, null);
    }

    /** Text that could not be read, and why. */
    public static <T> Parsed<T> unparseable(String problem) {
        return new Parsed<>(null, problem);
    }

    /** True when a value was read. */
    public boolean isParsed() {
        return value != null;
    }

    /** The value, if any. */
    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }
}
