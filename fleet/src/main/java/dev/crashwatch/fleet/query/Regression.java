package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.time.LocalDate;
import java.util.List;

/**
 * A crash marked fixed that came back: seen in the version that fixed it or a later one.
 *
 * @param since      the crash in each version at or after the fix (oldest first)
 * @param olderStill the crash in versions before the fix: expected, never a regression, shown for context
 */
public record Regression(FixedCrash mark, String program, String name, CrashKind kind, LocalDate firstWeekSince,
                         long countSince, List<VersionCrash> since, List<VersionCrash> olderStill) {
    /** The lines of the name after its prefix; in JSON as {@code frames}. */
    @JsonProperty("frames")
    public List<String> frames() {
        return CounterNames.frames(name);
    }
}
