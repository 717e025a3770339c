/**
 * Where the collector keeps accepted reports ({@code docs/fleet.md}, "Storage layout"):
 * {@code received=YYYY-MM-DD/<report id>.json}, one immutable {@code crashwatch-report/v1} file per accepted report,
 * plus the collector's own ID index under {@code _collector/}. {@link dev.crashwatch.fleet.storage.ReportArchive}
 * holds the rules (claim the ID first, then write the report, acknowledge only when both are durable);
 * {@link dev.crashwatch.fleet.storage.ObjectStore} is the only thing that differs between a local folder
 * ({@link dev.crashwatch.fleet.storage.FolderStore}) and S3 ({@link dev.crashwatch.fleet.storage.S3Store}).
 */
package dev.crashwatch.fleet.storage;
