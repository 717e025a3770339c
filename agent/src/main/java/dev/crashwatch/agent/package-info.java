/**
 * The crashwatch agent, loaded into the application's JVM, and where a crash starts its way: {@link
 * dev.crashwatch.agent.Premain} (or the API {@link dev.crashwatch.agent.Crashwatch}) starts the agent, whose
 * {@code CrashHook} catches an uncaught exception (and, with option {@code exitFrom}, the shutdown hook an exit that
 * code other than the expected class called: {@code UnplannedExit}), renders it as the JVM prints it
 * ({@code CrashRenderer}) and hands it to {@link dev.crashwatch.agent.wire} to travel, framed, down the crash pipe to the watchdog (to
 * {@code crashwatch run}, or to a sidecar that {@link dev.crashwatch.agent.sidecar} starts). Here too: the agent's
 * life cycle ({@code Agent}, {@code Starter}, {@code ByeHook}), its options, the store directory and mode as the agent
 * sees them ({@code StoreDir}) and the JVM flags that say where a fatal error log goes ({@link
 * dev.crashwatch.agent.JvmFlags}, shared with the watchdog). No dependencies, no lambdas, nothing that costs start-up
 * time.
 */
package dev.crashwatch.agent;
