/**
 * The upload client ({@code crashwatch upload}, {@code docs/upload.md}): in mode {@code on}, after the grace period,
 * makes one report per ended week from the store's counter files (the local exporter's report under the week's kept
 * ID, cut down by the collector's upload config, sampled by that ID, every name re-checked against the privacy
 * grammar), keeps it under {@code reports/} byte for byte as it goes on the wire, and sends it with backoff, moving it
 * to {@code uploaded/} or {@code rejected/} by the collector's answer.
 */
package dev.crashwatch.fleet.upload;
