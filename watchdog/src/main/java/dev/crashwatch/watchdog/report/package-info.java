/**
 * Reports: one week of a store's counters as a small, versioned, private JSON document
 * ({@code docs/report-format.md}), exported by testers and imported, idempotently, into a release engineer's store.
 */
package dev.crashwatch.watchdog.report;
