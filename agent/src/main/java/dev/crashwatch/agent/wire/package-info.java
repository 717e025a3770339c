/**
 * The writer side of the crash pipe's CW1 protocol ({@code docs/protocol.md}): {@link
 * dev.crashwatch.agent.wire.Wire} defines the format once (the watchdog reads it with the same constants), {@link
 * dev.crashwatch.agent.wire.HelloRecord} is the hello's payload, {@link dev.crashwatch.agent.wire.RecordChannel}
 * frames records into the pipe and {@link dev.crashwatch.agent.wire.BoundedWrite} bounds how long a stuck watchdog
 * can delay the JVM. Next, a crash is read from the pipe by {@code dev.crashwatch.watchdog.pipe}. {@link
 * dev.crashwatch.agent.wire.Pid} (the pid every frame carries) is shared with the watchdog.
 */
package dev.crashwatch.agent.wire;
