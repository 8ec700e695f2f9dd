package org.endow.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(1), now::get);

    @Test
    void a_new_client_has_the_full_burst_then_waits_for_the_next_token() {
        assertEquals(Duration.ZERO, buckets.take("10.0.0.1"));
        assertEquals(Duration.ZERO, buckets.take("10.0.0.1"));
        assertEquals(Duration.ZERO, buckets.take("10.0.0.1"));

        assertEquals(Duration.ofSeconds(20), buckets.take("10.0.0.1"));
    }

    @Test
    void tokens_come_back_evenly_over_the_period_and_never_above_the_burst() {
        for (int i = 0; i < 3; i++) {
            buckets.take("10.0.0.1");
        }
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertEquals(Duration.ofSeconds(5), buckets.take("10.0.0.1"));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(Duration.ZERO, buckets.take("10.0.0.1"));

        now.addAndGet(Duration.ofHours(5).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, buckets.take("10.0.0.1"));
        }
        assertEquals(Duration.ofSeconds(20), buckets.take("10.0.0.1"));
    }

    @Test
    void clients_do_not_share_a_bucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("10.0.0.1");
        }
        assertEquals(Duration.ZERO, buckets.take("10.0.0.2"));
    }

    @Test
    void a_bucket_that_could_overflow_is_refused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TokenBuckets(Integer.MAX_VALUE, Duration.ofDays(365), now::get));
    }
}
