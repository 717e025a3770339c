package dev.crashwatch.watchdog.triage;

import java.time.LocalDate;

/** How many crashes one program at one version had in one week (all Java versions, OSes and archs summed). */
public record WeekTotal(String program, String version, LocalDate weekStart, long crashes) {
}
