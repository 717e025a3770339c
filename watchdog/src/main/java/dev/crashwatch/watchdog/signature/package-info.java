/**
 * Crash signatures: turns parsed crash text into the counter name it increments ({@link
 * dev.crashwatch.watchdog.signature.Signatures#counterName}), one small step per naming rule; {@code
 * docs/signatures.md} gives each rule with its reason. Next, the name is counted in {@code
 * dev.crashwatch.watchdog.store}.
 */
package dev.crashwatch.watchdog.signature;
