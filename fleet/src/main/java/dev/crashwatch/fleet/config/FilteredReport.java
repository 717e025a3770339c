package dev.crashwatch.fleet.config;

import dev.crashwatch.watchdog.weekly.Report;
import java.util.List;

/** What an upload config let through of a report ({@code kept}, same ID and week) and what it took out. */
public record FilteredReport(Report kept, List<DroppedPart> dropped) {
    public FilteredReport {
        dropped = List.copyOf(dropped);
    }
}
