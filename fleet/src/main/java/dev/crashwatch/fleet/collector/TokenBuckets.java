package dev.crashwatch.fleet.collector;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Throttling: a token bucket per client address and one for everyone. A request takes a token from both; when
 * either is empty it is refused with the time until a token is back ({@code Retry-After}). Buckets of addresses
 * that have been quiet long enough to be full again are forgotten, so the map stays as small as the set of busy
 * clients.
 */
final class TokenBuckets {
    private final double clientRate;
    private final double clientBurst;
    private final Bucket total;
    private final LongSupplier nanos;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private long lastSweep;

    /**
     * @param clientRate  tokens per second per address
     * @param clientBurst bucket size per address
     * @param totalRate   tokens per second for all addresses together (the bucket holds one second's worth)
     */
    TokenBuckets(double clientRate, double clientBurst, double totalRate, LongSupplier nanos) {
        this.clientRate = clientRate;
        this.clientBurst = clientBurst;
        this.nanos = nanos;
        this.total = new Bucket(totalRate, Math.max(1, totalRate), nanos.getAsLong());
        this.lastSweep = nanos.getAsLong();
    }

    /** 0 if the request may go on, else the whole seconds to wait (at least 1). */
    long take(String client) {
        long now = nanos.getAsLong();
        sweep(now);
        Bucket mine = clients.computeIfAbsent(client, c -> new Bucket(clientRate, clientBurst, now));
        double wait = mine.take(now);
        if (wait > 0) {
            return seconds(wait);
        }
        wait = total.take(now);
        if (wait > 0) {
            mine.giveBack();
            return seconds(wait);
        }
        return 0;
    }

    private static long seconds(double wait) {
        return Math.max(1, (long) Math.ceil(wait));
    }

    private void sweep(long now) {
        if (now - lastSweep < 60_000_000_000L) {
            return;
        }
        synchronized (this) {
            if (now - lastSweep < 60_000_000_000L) {
                return;
            }
            lastSweep = now;
        }
        for (Iterator<Bucket> it = clients.values().iterator(); it.hasNext(); ) {
            if (it.next().fullAt(now)) {
                it.remove();
            }
        }
    }

    private static final class Bucket {
        private final double rate;
        private final double size;
        private double tokens;
        private long last;

        Bucket(double rate, double size, long now) {
            this.rate = rate;
            this.size = size;
            this.tokens = size;
            this.last = now;
        }

        /** Takes a token: 0 if there was one, else the seconds until there is. */
        synchronized double take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate;
        }

        synchronized void giveBack() {
            tokens = Math.min(size, tokens + 1);
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= size;
        }

        private void refill(long now) {
            tokens = Math.min(size, tokens + (now - last) / 1e9 * rate);
            last = now;
        }
    }
}
