/**
 * The weekly report: one week of a store's counters as a small, versioned, private JSON document ({@code
 * docs/report-format.md}) that {@code crashwatch export} writes ({@link dev.crashwatch.watchdog.weekly.Exporter}),
 * {@code crashwatch import} reads back, idempotently, into a release engineer's store ({@link
 * dev.crashwatch.watchdog.weekly.Importer}), and the fleet's upload client sends, cut down, under the same ID (one
 * ID a week, kept by the store: a week exported and uploaded is one report). The last step a crash's count takes on
 * this machine.
 */
package dev.crashwatch.watchdog.weekly;
