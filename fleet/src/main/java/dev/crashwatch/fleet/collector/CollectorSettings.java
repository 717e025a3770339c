package dev.crashwatch.fleet.collector;

import dev.crashwatch.fleet.config.UploadConfig;
import java.time.Clock;

/**
 * How a collector runs ({@code docs/fleet.md}); {@link #defaults} are what {@code crashwatch collector} uses unless
 * told otherwise.
 *
 * @param host            address to listen on
 * @param port            port (0: any free one)
 * @param config          the upload config served and applied
 * @param maxBodyBytes    largest request body as sent (compressed, if gzip)
 * @param maxReportBytes  largest report after decompression
 * @param oldestWeekDays  a week that ended more days ago than this is refused
 * @param clientRate      reports per second per client address (token bucket refill)
 * @param clientBurst     token bucket size per client address
 * @param totalRate       reports per second for all clients together
 * @param clock           today's date (UTC) for {@code received=} and the week checks
 */
public record CollectorSettings(String host, int port, UploadConfig config, int maxBodyBytes, int maxReportBytes,
                                int oldestWeekDays, double clientRate, double clientBurst, double totalRate,
                                Clock clock) {
    public static CollectorSettings defaults(String host, int port, UploadConfig config) {
        return new CollectorSettings(host, port, config, 256 * 1024, 1024 * 1024, 35, 10, 100, 5000,
                Clock.systemUTC());
    }

    public CollectorSettings withRates(double clientRate, double clientBurst, double totalRate) {
        return new CollectorSettings(host, port, config, maxBodyBytes, maxReportBytes, oldestWeekDays, clientRate,
                clientBurst, totalRate, clock);
    }

    public CollectorSettings withOldestWeekDays(int days) {
        return new CollectorSettings(host, port, config, maxBodyBytes, maxReportBytes, days, clientRate, clientBurst,
                totalRate, clock);
    }

    public CollectorSettings withClock(Clock clock) {
        return new CollectorSettings(host, port, config, maxBodyBytes, maxReportBytes, oldestWeekDays, clientRate,
                clientBurst, totalRate, clock);
    }
}
