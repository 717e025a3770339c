package dev.crashwatch.fleet.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crashwatch.watchdog.signature.CounterNames;
import dev.crashwatch.watchdog.triage.CrashKind;
import java.time.LocalDate;
import java.util.List;

/**
 * One crash counter in detail ({@code show STACKID}): its frames and where the fleet saw it. Each list holds
 * machine-weeks and crashes per value: {@code versions} as "program version" (oldest first), {@code weeks}, Java
 * versions, and systems as "os/arch" (most first). {@code versionsWithout}: the versions of its programs after the
 * first that had it that were reported without it, with the machine-weeks reporting each (and 0 crashes).
 */
public record StackDetail(String stackId, String name, CrashKind kind, long machines, long count,
                          LocalDate firstWeek, LocalDate lastWeek, List<Seen> versions, List<Seen> versionsWithout,
                          List<Seen> weeks, List<Seen> javaVersions, List<Seen> systems) {
    /** The lines of the name after its prefix; in JSON as {@code frames}. */
    @JsonProperty("frames")
    public List<String> frames() {
        return CounterNames.frames(name);
    }
}
