/**
 * Crash programs for the signature corpus: each shape of uncaught exception the naming rules must handle, run on
 * every installed JDK to produce the real outputs in {@code watchdog/src/test/resources/corpus/real}.
 */
package dev.crashwatch.samples.corpus;
