package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.signature.StackIds;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.time.LocalDate;
import java.util.List;

/**
 * One crash in one program version across the fleet.
 *
 * @param machines  distinct reports (machine-weeks) of that version that counted it
 * @param count     crashes counted
 * @param reporting machines that reported the version at all (with or without crashes)
 */
public record VersionCrash(String program, String version, String stackId, String name, CrashKind kind,
                           long machines, long count, LocalDate firstWeek, LocalDate lastWeek, long reporting) {
    static VersionCrash of(String program, String version, String name, long machines, long count, LocalDate first,
                           LocalDate last, long reporting) {
        return new VersionCrash(program, version, StackIds.of(name), name, CrashKind.of(name), machines, count, first,
            last, reporting);
    }

    /** The lines of the name after its prefix; in JSON as {@code frames}. */
    @JsonProperty("frames")
    public List<String> frames() {
        return CounterNames.frames(name);
    }
}
