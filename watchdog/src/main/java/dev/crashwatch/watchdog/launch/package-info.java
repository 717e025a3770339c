/**
 * Launcher mode ({@code crashwatch run}): the private FIFO, the child's command line with the agent attached,
 * signal forwarding, and the run itself from the child's start to its exit status. Two launchers share the
 * watching ({@link dev.crashwatch.watchdog.launch.RunWatch}): {@link dev.crashwatch.watchdog.launch.Launcher}, all
 * in one JVM, and the native {@code crashwatch-run} (C, docs/native.md), which starts the child itself and
 * {@link dev.crashwatch.watchdog.launch.WatchMain} beside it to read the pipe and record.
 */
package dev.crashwatch.watchdog.launch;
