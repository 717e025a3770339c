package dev.crashwatch.agent.sidecar;

/**
 * The agent options a sidecar's start reads (docs/protocol.md, "Agent options"); each is null when not given. The
 * agent's parsed options are one.
 */
public interface SidecarOptions {
    /** The program's name ({@code program=}). */
    String program();

    /** The program's version ({@code version=}). */
    String version();

    /** The watchdog jar the sidecar runs ({@code watchdog=}). */
    String watchdog();

    /** The java executable the sidecar runs on ({@code java=}). */
    String java();
}
