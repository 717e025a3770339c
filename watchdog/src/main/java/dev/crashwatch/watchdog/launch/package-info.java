/**
 * Launcher mode ({@code crashwatch run}): the private FIFO, the child's command line with the agent attached,
 * signal forwarding, and the run itself from the child's start to its exit status.
 */
package dev.crashwatch.watchdog.launch;
