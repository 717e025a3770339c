package dev.crashwatch.watchdog.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One crash counter summed over the files a question covers: for {@code top} and the view. A stack that several
 * programs share is one crash (the same frames), but never silently: {@code programs} names each with its count.
 *
 * @param name         the full counter name
 * @param stackId      its short stable ID ({@code StackIds})
 * @param frames       the name's lines after the prefix: the exception type or reason, then one frame per line
 * @param versions     the versions it was seen in, sorted
 * @param programs     program → count, most frequent first
 * @param javaVersions the Java versions it was seen on, sorted
 */
public record RankedCrash(String name, String stackId, CrashKind kind, long count, LocalDate firstWeek,
                          LocalDate lastWeek, List<String> frames, List<String> versions, Map<String, Long> programs,
                          List<String> javaVersions) {

    /** True when more than one program counted this stack: its count adds them together. */
    public boolean inSeveralPrograms() {
        return programs.size() > 1;
    }
}
