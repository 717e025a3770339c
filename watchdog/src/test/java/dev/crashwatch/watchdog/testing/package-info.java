/** Test support shared by the integration tests: where the built jars and the installed JDKs are. */
package dev.crashwatch.watchdog.testing;
