/**
 * Sidecar mode, the watchdog's second way in: the process an agent starts beside its JVM ({@code
 * dev.crashwatch.agent.sidecar}), fed through its stdin, which outlives the JVM long enough to count how it died.
 * Diagnostics go to the store's {@code log/sidecar.log}, never to a stream. Beside its pipe it finishes the native
 * launcher's pending runs whose Java half is gone ({@code AbandonedRuns}, by the rule of {@code launch.PendingRuns}),
 * as every watchdog does. Next, the pipe is read by {@code dev.crashwatch.watchdog.pipe} for {@code
 * dev.crashwatch.watchdog.watch}.
 */
package dev.crashwatch.watchdog.sidecar;
