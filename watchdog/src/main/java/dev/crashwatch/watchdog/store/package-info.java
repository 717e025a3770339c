/**
 * The local store, where a crash ends up as a count: {@link dev.crashwatch.watchdog.store.Store} is the one door to
 * it. Here: where the store is (the agent's {@code StoreDir}, the one rule), its mode ({@code Mode}, {@code ModeFile}) and the collector mode {@code on} uploads to
 * ({@code CollectorUrl}), this machine's
 * host facts (a cache), kept malformed inputs, private run directories ({@code RunDirs}) and logs. The weekly
 * counter files themselves are {@code dev.crashwatch.watchdog.store.counters}; the safe-writing primitives under both
 * are {@code dev.crashwatch.watchdog.store.files}. Layout and format: {@code docs/store.md}. Next, the counts are read
 * by {@code dev.crashwatch.watchdog.triage}, exported by {@code dev.crashwatch.watchdog.weekly} and shown by {@code
 * dev.crashwatch.watchdog.view} and {@code dev.crashwatch.watchdog.cli}.
 */
package dev.crashwatch.watchdog.store;
