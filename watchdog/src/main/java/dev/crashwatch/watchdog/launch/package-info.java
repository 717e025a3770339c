/**
 * Launcher mode ({@code crashwatch run}), the first of the watchdog's two ways in: the private FIFO, the child's
 * command line with the agent attached, signal forwarding, and the run itself from the child's start to its exit
 * status. Two launchers: {@link dev.crashwatch.watchdog.launch.Launcher}, all in one JVM beside the child, and the
 * native {@code crashwatch-run} (C, docs/native.md), which holds the pipe itself while the child runs and, only when
 * there is something to record, starts {@link dev.crashwatch.watchdog.launch.WatchMain} after it with what it read.
 * Both conclude through {@link dev.crashwatch.watchdog.launch.RunWatch}. Before its Java half starts, the native
 * launcher writes the run down as a {@link dev.crashwatch.watchdog.launch.PendingRun}, which that Java half, or any
 * later watchdog once it is gone ({@link dev.crashwatch.watchdog.launch.PendingRuns}), finishes exactly once. Next, the crash pipe is read by
 * {@code dev.crashwatch.watchdog.pipe} for {@code dev.crashwatch.watchdog.watch}.
 */
package dev.crashwatch.watchdog.launch;
