/**
 * Launcher mode ({@code crashwatch run}), the first of the watchdog's two ways in: the private FIFO, the child's
 * command line with the agent attached, signal forwarding, and the run itself from the child's start to its exit
 * status. Two launchers share the watching ({@link dev.crashwatch.watchdog.launch.RunWatch}): {@link
 * dev.crashwatch.watchdog.launch.Launcher}, all in one JVM, and the native {@code crashwatch-run} (C, docs/native.md),
 * which starts the child itself and {@link dev.crashwatch.watchdog.launch.WatchMain} beside it to read the pipe and
 * record. Next, the crash pipe is read by {@code dev.crashwatch.watchdog.pipe} for {@code
 * dev.crashwatch.watchdog.watch}.
 */
package dev.crashwatch.watchdog.launch;
