/**
 * Sidecar mode, the watchdog's second way in: the process an agent starts beside its JVM ({@code
 * dev.crashwatch.agent.sidecar}), fed through its stdin, which outlives the JVM long enough to count how it died.
 * Diagnostics go to the store's {@code log/sidecar.log}, never to a stream. Next, the pipe is read by {@code
 * dev.crashwatch.watchdog.pipe} for {@code dev.crashwatch.watchdog.watch}.
 */
package dev.crashwatch.watchdog.sidecar;
