package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.time.LocalDate;
import java.util.List;

/**
 * One crash ranked across the fleet ({@code top}).
 *
 * @param machines     distinct reports (machine-weeks) within the filter that counted it
 * @param count        crashes counted within the filter
 * @param firstWeek    the first week it was seen at all (for the program filter, whatever the other filters)
 * @param firstVersion the oldest version ({@code VersionOrder}) it was seen in, likewise
 */
public record FleetCrash(String stackId, String name, CrashKind kind, long machines, long count, LocalDate firstWeek,
                         String firstVersion, LocalDate lastWeek) {
    /** The lines of the name after its prefix; in JSON as {@code frames}. */
    @JsonProperty("frames")
    public List<String> frames() {
        return CounterNames.frames(name);
    }
}
