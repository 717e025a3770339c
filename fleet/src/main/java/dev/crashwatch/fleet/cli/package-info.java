/**
 * The fleet's commands ({@code upload}, {@code reports}, {@code collector}, {@code fleet ...}) on top of the local
 * CLI ({@code dev.crashwatch.watchdog.cli}): one class per command, registered by {@link
 * dev.crashwatch.fleet.cli.FleetMain}.
 */
package dev.crashwatch.fleet.cli;
