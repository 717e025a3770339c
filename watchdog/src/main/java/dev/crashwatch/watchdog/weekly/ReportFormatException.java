package dev.crashwatch.watchdog.weekly;

/** A file that is not a readable crashwatch report (corrupt, foreign, or of an unknown format version). */
public final class ReportFormatException extends Exception {
    public ReportFormatException(String message) {
        super(message);
    }
}
