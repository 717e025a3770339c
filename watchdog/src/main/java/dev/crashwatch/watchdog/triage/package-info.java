/**
 * Triage over the counter files a crash was counted in: crashes ranked by count with their kind and weeks seen, crash
 * totals per week per program and version, and the comparison of two versions (new, gone, changed). The CLI's
 * {@code top} and {@code compare} and the web view ({@code dev.crashwatch.watchdog.view}) are thin layers over {@link
 * dev.crashwatch.watchdog.triage.Triage}.
 */
package dev.crashwatch.watchdog.triage;
