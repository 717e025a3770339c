/**
 * Fuzz targets (Jazzer, issue 15): the pipe's frame reader, the Java trace and fatal error log namers, the counter
 * file reader and the report reader. Run as tests they replay the seed corpus kept beside them in
 * {@code src/test/resources/dev/crashwatch/watchdog/fuzz/<Class>Inputs/<method>/} (and every crash a fuzzing run
 * found, saved there as a regression input); the build's {@code fuzz} executions fuzz each for a bounded time
 * ({@code JAZZER_FUZZ=1}). Properties: no exception escapes, memory stays bounded, a valid record after garbage is
 * recovered. See docs/reliability.md.
 */
package dev.crashwatch.watchdog.fuzz;
