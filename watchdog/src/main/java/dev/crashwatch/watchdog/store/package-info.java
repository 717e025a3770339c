/**
 * The local store: where crashwatch keeps its mode, its weekly counter files (human-readable JSON), this
 * machine's host facts (a cache), kept malformed inputs, private run directories and logs, and how it writes them
 * safely against concurrent writers and kill -9, cheaply in a cold JVM. Layout and format: {@code docs/store.md}.
 */
package dev.crashwatch.watchdog.store;
