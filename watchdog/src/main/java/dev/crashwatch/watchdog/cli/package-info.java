/**
 * The {@code crashwatch} command line, the end of the path where people ask about crashes: {@link
 * dev.crashwatch.watchdog.cli.Main} dispatches to one small class per command; the work itself lives in the packages
 * those commands name ({@code launch} for {@code run}, {@code store}, {@code triage}, {@code weekly}, {@code view}).
 */
package dev.crashwatch.watchdog.cli;
