/**
 * Sample applications for sidecar mode, one per way to attach crashwatch without {@code crashwatch run}: the
 * {@code -javaagent} flag, an executable jar declaring {@code Launcher-Agent-Class}, and a {@code Crashwatch.start()}
 * call in {@code main}; plus a JVM that starts child JVMs which inherit the agent.
 */
package dev.crashwatch.samples.sidecar;
