/**
 * The crashwatch agent, loaded into the application's JVM: it reports uncaught exceptions (and, with option
 * {@code exitFrom}, a {@code System.exit} that unexpected code called: {@link dev.crashwatch.agent.UnplannedExit}) as
 * framed records on a crash pipe (to {@code crashwatch run}, or to a sidecar watchdog it starts itself), and
 * otherwise stays out of the way. No dependencies, no lambdas, nothing that costs start-up time; {@link dev.crashwatch.agent.Crashwatch} is the
 * only API for applications. The watchdog shares two of its classes: {@link dev.crashwatch.agent.Wire}, the wire
 * format, and {@link dev.crashwatch.agent.JvmFlags}, which finds where a JVM writes its fatal error log.
 */
package dev.crashwatch.agent;
