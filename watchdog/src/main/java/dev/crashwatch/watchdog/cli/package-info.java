/**
 * The {@code crashwatch} command line: {@link dev.crashwatch.watchdog.cli.Main} dispatches to one small class
 * per command; the work itself lives in the packages those commands name.
 */
package dev.crashwatch.watchdog.cli;
