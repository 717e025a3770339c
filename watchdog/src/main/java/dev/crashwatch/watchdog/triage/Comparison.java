package dev.crashwatch.watchdog.triage;

import java.util.List;
import java.util.Optional;

/**
 * Two versions compared crash by crash: crashes only in the new version, only in the base ({@code gone}),
 * in both at a different rate ({@code changed}, biggest change first), and in both at the same rate.
 *
 * @param perRun           true when rates are crashes per 1,000 runs (both versions' runs known), false for raw
 *                         counts
 * @param baseRuns         runs of the base version, when known
 * @param baseJavaVersions the Java versions the base version's counter files name, sorted
 * @param newJavaVersions  likewise for the new version
 */
public record Comparison(Optional<String> program, String baseVersion, String newVersion, boolean perRun,
                         Optional<Long> baseRuns, Optional<Long> newRuns, List<CrashChange> newCrashes,
                         List<CrashChange> gone, List<CrashChange> changed, List<CrashChange> unchanged,
                         List<String> baseJavaVersions, List<String> newJavaVersions) {
    /** Rates are crashes per this many runs. */
    public static final int RUNS_PER_RATE = 1000;

    /** How rates are given, for people: {@code crashes per 1,000 runs} or {@code raw counts (runs unknown)}. */
    public String basis() {
        return perRun ? "crashes per 1,000 runs" : "raw counts (runs unknown)";
    }
}
