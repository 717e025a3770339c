package dev.crashwatch.fleet.query;

import java.util.List;

/**
 * Two versions of one program compared crash by crash ({@code compare V1 V2}).
 *
 * @param baseMachines machines that reported the base version; {@code newMachines} likewise
 * @param newCrashes   seen in the new version only, by rate; {@code gone}: in the base only
 * @param more         in both, at a higher rate in the new version (by ratio); {@code fewer}: lower; {@code same}: equal
 */
public record VersionComparison(String program, String base, String next, long baseMachines, long newMachines,
                                List<CrashDelta> newCrashes, List<CrashDelta> gone, List<CrashDelta> more,
                                List<CrashDelta> fewer, List<CrashDelta> same) {
}
