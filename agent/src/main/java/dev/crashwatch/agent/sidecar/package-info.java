/**
 * Starting the sidecar in sidecar mode: a small watchdog JVM ({@code dev.crashwatch.watchdog.sidecar.SidecarMain}),
 * behind the native relay where there is one, whose stdin is the crash pipe the agent's records travel on. {@link
 * dev.crashwatch.agent.sidecar.Sidecar} starts it; {@code SidecarCommand} is its command line, {@code WatchdogFiles}
 * and {@code BootClassPathJar} find its files, {@code SidecarFifo} makes its stdin and {@code SidecarStartLog} says
 * why it could not start. The crash itself does not pass through here: it goes through {@code
 * dev.crashwatch.agent.wire} into the pipe this package opened.
 */
package dev.crashwatch.agent.sidecar;
