/**
 * The upload config ({@code docs/upload.md}, "Upload config"): which programs, versions and counter prefixes may
 * leave a machine, how deep a stack may be, and each program's sample rate. The collector serves it at
 * {@code GET /v1/config} and applies it to every report it receives; the upload client caches it and applies it
 * before sending. {@link dev.crashwatch.fleet.config.ReportFilter} is the one place that cuts a report down to what
 * a config allows, so both ends drop exactly the same parts.
 */
package dev.crashwatch.fleet.config;
