package dev.crashwatch.fleet.query;

import java.time.LocalDate;

/**
 * One week of one program version.
 *
 * @param machines         machines (reports) that reported the version that week
 * @param crashingMachines of them, those that counted at least one crash
 * @param crashes          crashes counted
 */
public record TrendRow(LocalDate week, String program, String version, long machines, long crashingMachines,
                       long crashes) {
}
