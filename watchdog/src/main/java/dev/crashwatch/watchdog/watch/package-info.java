/**
 * Watching JVMs through the crash pipe: the frame reader, one session per JVM, the fatal-error-log locator, the
 * rules that decide what a JVM's death counts as, and the recorder that turns all that into counters. Shared by
 * launcher mode ({@code crashwatch run}) and the sidecar.
 */
package dev.crashwatch.watchdog.watch;
