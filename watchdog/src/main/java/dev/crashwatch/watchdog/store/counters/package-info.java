/**
 * The weekly counter files (human-readable JSON, one per program, version, JVM, platform and week): their names
 * ({@code CounterFileNames}), format ({@code CounterFileFormat}), writer ({@link
 * dev.crashwatch.watchdog.store.counters.CounterWriter}, under the directory lock), reader and scan with its cache
 * ({@link dev.crashwatch.watchdog.store.counters.CounterFileScan}), and the ISO week and timestamp text they are
 * keyed and stamped with ({@code Weeks}, {@code IsoText}). Reached through {@code dev.crashwatch.watchdog.store.Store};
 * read back as {@link dev.crashwatch.watchdog.store.counters.CounterFile}s by triage, export and the view.
 */
package dev.crashwatch.watchdog.store.counters;
