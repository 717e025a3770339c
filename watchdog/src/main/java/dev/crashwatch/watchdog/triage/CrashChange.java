package dev.crashwatch.watchdog.triage;

import java.util.List;

/**
 * One crash in a comparison of two versions. Rates are crashes per 1,000 runs when both versions' runs are known,
 * else equal to the raw counts (see {@link Comparison#perRun()}).
 *
 * @param javaVersions the Java versions it was seen on, in either version, sorted
 * @param javaGap      true when it was seen only on Java versions that the other version of the comparison never
 *                     ran on (for a new crash: the base; for a gone one: the new version). Its being new or gone may
 *                     then be the Java version's doing, not the program's: the views say so beside it.
 */
public record CrashChange(String name, String stackId, CrashKind kind, long baseCount, long newCount,
                          double baseRate, double newRate, List<String> frames, List<String> javaVersions,
                          boolean javaGap) {
}
