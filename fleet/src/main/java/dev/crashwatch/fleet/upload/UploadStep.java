package dev.crashwatch.fleet.upload;

/** What one upload run did with one report: its state afterwards and, in a few words, why. */
public record UploadStep(StoredReport report, String what) {
    /** The line a person sees: {@code 2026-11-23  5f0c6d1e9a4b  uploaded  (2 entries, 5 crashes)}. */
    public String line() {
        return report.report().week() + "  " + report.id().substring(0, 12) + "  " + report.state().word()
                + (what.isEmpty() ? "" : "  " + what);
    }
}
