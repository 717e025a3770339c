/**
 * Parsers for crash text: Java stack traces (as the JVM, loggers, logcat or a bug report print them) and HotSpot
 * fatal error logs (hs_err). They read a String, never throw, and say "unparseable" instead of guessing.
 * Next, {@code dev.crashwatch.watchdog.signature} names what they parsed.
 */
package dev.crashwatch.watchdog.parse;
