/**
 * The reader side of the crash pipe's CW1 protocol ({@code docs/protocol.md}; the writer side, and the format's
 * constants, are {@code dev.crashwatch.agent.wire}): {@link dev.crashwatch.watchdog.pipe.FrameReader} reads frames
 * (every byte hostile: bounded, checked by {@link dev.crashwatch.watchdog.pipe.FrameHeader}), {@link
 * dev.crashwatch.watchdog.pipe.RecordAssembler} joins a record's parts, and {@link
 * dev.crashwatch.watchdog.pipe.PipeListener} receives whole records ({@link dev.crashwatch.watchdog.pipe.PipeRecord}):
 * a {@link dev.crashwatch.watchdog.pipe.Hello}, a crash's text (after the facts it may begin with, {@link
 * dev.crashwatch.watchdog.pipe.CrashFacts}), a {@link dev.crashwatch.watchdog.pipe.Bye}. Next, a
 * crash goes to {@code dev.crashwatch.watchdog.watch}, which listens.
 */
package dev.crashwatch.watchdog.pipe;
