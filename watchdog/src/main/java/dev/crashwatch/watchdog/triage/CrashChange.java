package dev.crashwatch.watchdog.triage;

import java.util.List;

/**
 * One crash in a comparison of two versions. Rates are counts per run when both versions' runs are known,
 * else equal to the raw counts (see {@link Comparison#perRun()}).
 */
public record CrashChange(String name, String stackId, CrashKind kind, long baseCount, long newCount,
                          double baseRate, double newRate, List<String> frames) {
}
