/**
 * Sidecar mode end to end on real JVMs: each way to attach the agent without {@code crashwatch run}, the crashes
 * the sidecar counts, and how it behaves as a guest (streams, mode off, child JVMs).
 */
package dev.crashwatch.watchdog.sidecar;
