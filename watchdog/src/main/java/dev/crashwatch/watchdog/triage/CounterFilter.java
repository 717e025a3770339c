package dev.crashwatch.watchdog.triage;

import dev.crashwatch.watchdog.store.counters.CounterFileKey;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which counter files a question is about: one program, one version, weeks from a day on (each optional).
 *
 * @param since files whose week ends on or after this day (a week overlapping it counts)
 */
public record CounterFilter(Optional<String> program, Optional<String> version, Optional<LocalDate> since) {
    /** Every file. */
    public static final CounterFilter ALL = new CounterFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public CounterFilter withProgram(String p) {
        return new CounterFilter(Optional.ofNullable(p), version, since);
    }

    public CounterFilter withVersion(String v) {
        return new CounterFilter(program, Optional.ofNullable(v), since);
    }

    public CounterFilter withSince(LocalDate day) {
        return new CounterFilter(program, version, Optional.ofNullable(day));
    }

    public boolean matches(CounterFileKey key) {
        return program.map(key.program()::equals).orElse(true)
                && version.map(key.version()::equals).orElse(true)
                && since.map(day -> !key.weekStart().plusDays(6).isBefore(day)).orElse(true);
    }
}
