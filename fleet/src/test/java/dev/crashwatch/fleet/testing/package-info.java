/**
 * What the fleet's tests share: valid reports ({@link dev.crashwatch.fleet.testing.Reports}), an HTTP client on
 * loopback, S3Proxy in the test JVM, and the collector as a separate JVM from the built jars.
 */
package dev.crashwatch.fleet.testing;
