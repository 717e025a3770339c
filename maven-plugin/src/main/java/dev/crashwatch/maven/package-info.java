/**
 * The Maven plugin ({@code crashwatch-maven-plugin}): {@code prepare-agent} puts the agent into the argLine that
 * Surefire and Failsafe give their forked test JVMs, naming every fork's crashes after the project's artifactId and
 * version; {@code report} prints the crashes counted since {@code prepare-agent} ran, from the store, with the
 * watchdog's own store and triage classes. Usage, the argLine it writes and the report's shape: {@code docs/maven.md}.
 */
package dev.crashwatch.maven;
