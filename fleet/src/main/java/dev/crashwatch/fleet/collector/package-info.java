/**
 * The collector ({@code crashwatch collector}, {@code docs/fleet.md}, "Collector"): an embedded Jetty 12 server
 * ({@link dev.crashwatch.fleet.collector.CollectorServer}) that takes weekly reports at {@code POST /v1/reports},
 * checks them strictly and stores what the upload config allows, durably and once
 * ({@link dev.crashwatch.fleet.collector.ReportIntake} over {@link dev.crashwatch.fleet.storage.ReportArchive}); serves
 * the config, a health check and Prometheus metrics; throttles per client address and in total.
 */
package dev.crashwatch.fleet.collector;
