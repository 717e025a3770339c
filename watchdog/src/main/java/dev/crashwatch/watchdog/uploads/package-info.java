/**
 * The store's {@code reports/} folder as the local half owns it ({@code docs/upload.md}, "Where it is kept"): the
 * state folders a report made for upload moves between ({@link dev.crashwatch.watchdog.uploads.ReportState}), the
 * one rule for reading a report file there ({@link dev.crashwatch.watchdog.uploads.ReportFiles}), the record of the
 * last upload run ({@link dev.crashwatch.watchdog.uploads.LastUpload}), the grace period after consent ({@link
 * dev.crashwatch.watchdog.uploads.UploadGrace}, which the uploader reads too) and what {@code crashwatch status} says
 * about uploads ({@link dev.crashwatch.watchdog.uploads.UploadStatus}). The fleet's upload client writes this
 * folder through these classes; the local half reads it without depending on the fleet.
 */
package dev.crashwatch.watchdog.uploads;
