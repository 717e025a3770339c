/**
 * Sidecar mode end to end on real JVMs: each way to attach the agent without {@code crashwatch run}, the crashes
 * the sidecar counts, and how it behaves as a guest (streams, mode off, child JVMs); the native relay in front of
 * the Java sidecar (the default when it is built) and the Java sidecar alone ({@code CRASHWATCH_NO_NATIVE=1}).
 */
package dev.crashwatch.watchdog.sidecar;
