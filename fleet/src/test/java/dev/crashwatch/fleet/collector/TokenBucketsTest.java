package dev.crashwatch.fleet.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    void advanceSeconds(double s) {
        now.addAndGet((long) (s * 1e9));
    }

    @Test
    void a_client_gets_its_burst_then_waits_for_the_refill() {
        TokenBuckets buckets = new TokenBuckets(0.5, 2, 1000, now::get);
        assertEquals(0, buckets.take("10.0.0.1"));
        assertEquals(0, buckets.take("10.0.0.1"));
        assertEquals(2, buckets.take("10.0.0.1"), "one token every 2 s");
        assertEquals(0, buckets.take("10.0.0.2"), "another address has its own bucket");
        advanceSeconds(2);
        assertEquals(0, buckets.take("10.0.0.1"));
        assertEquals(2, buckets.take("10.0.0.1"));
    }

    @Test
    void the_total_ceiling_holds_for_all_clients_together() {
        TokenBuckets buckets = new TokenBuckets(100, 100, 2, now::get);
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("b"));
        assertEquals(1, buckets.take("c"));
        advanceSeconds(1);
        assertEquals(0, buckets.take("c"));
        assertEquals(0, buckets.take("c"));
        assertEquals(1, buckets.take("c"));
    }

    @Test
    void a_quiet_client_is_full_again_after_its_bucket_was_swept() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 1000, now::get);
        assertEquals(0, buckets.take("a"));
        assertEquals(1, buckets.take("a"));
        advanceSeconds(120);
        assertEquals(0, buckets.take("b"));
        assertEquals(0, buckets.take("a"));
    }
}
