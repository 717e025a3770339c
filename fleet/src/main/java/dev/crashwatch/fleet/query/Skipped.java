package dev.crashwatch.fleet.query;

/**
 * A file among the reports that is not a report fleet triage can count: corrupt, foreign, misnamed or a second
 * copy of a report already counted.
 *
 * @param file   its path under the reports folder, {@code received=YYYY-MM-DD/name}
 * @param reason one line saying why
 */
public record Skipped(String file, String reason) {
}
