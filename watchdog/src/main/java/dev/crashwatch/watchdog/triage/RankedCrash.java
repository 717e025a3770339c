package dev.crashwatch.watchdog.triage;

import java.time.LocalDate;
import java.util.List;

/**
 * One crash counter summed over the files a question covers: for {@code top} and the view.
 *
 * @param name      the full counter name
 * @param stackId   its short stable ID ({@code StackIds})
 * @param frames    the name's lines after the prefix: the exception type or reason, then one frame per line
 * @param versions  the versions it was seen in, sorted
 */
public record RankedCrash(String name, String stackId, CrashKind kind, long count, LocalDate firstWeek,
                          LocalDate lastWeek, List<String> frames, List<String> versions) {
}
