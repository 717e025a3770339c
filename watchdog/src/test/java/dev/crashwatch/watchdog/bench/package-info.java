/** Benchmark drivers (test scope, run by hand; figures in docs/benchmarks.md). Not tests: nothing here asserts timings. */
package dev.crashwatch.watchdog.bench;
