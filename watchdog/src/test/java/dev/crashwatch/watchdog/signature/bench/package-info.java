/** A small benchmark of parsing and naming (not a test: it asserts nothing); its figures are in docs/benchmarks.md. */
package dev.crashwatch.watchdog.signature.bench;
