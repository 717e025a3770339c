package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.util.List;

/**
 * One crash in a comparison of two versions. A rate is crashes per machine reporting the version, so versions that
 * reached different numbers of machines compare fairly.
 */
public record CrashDelta(String stackId, String name, CrashKind kind, long baseMachines, long baseCount,
                         double baseRate, long newMachines, long newCount, double newRate) {
    /** The lines of the name after its prefix; in JSON as {@code frames}. */
    @JsonProperty("frames")
    public List<String> frames() {
        return CounterNames.frames(name);
    }
}
