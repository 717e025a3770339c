/**
 * Sidecar mode: the watchdog process an agent starts beside its JVM, fed through its stdin, which outlives the
 * JVM long enough to count how it died. Diagnostics go to the store's {@code log/sidecar.log}, never to a stream.
 */
package dev.crashwatch.watchdog.sidecar;
