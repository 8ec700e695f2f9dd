package org.endow.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key, in memory: {@code capacity} tokens refilled evenly over {@code period}. Idle buckets (full
 * again) are dropped when the map grows, so that a flood of distinct addresses cannot exhaust memory. One gateway
 * process; with several gateway replicas each enforces its own share (documented in docs/architecture.md).
 */
final class TokenBuckets {

    private static final int SWEEP_ABOVE = 10_000;

    private final long capacity;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, Duration period, LongSupplier nanoTime) {
        if ((double) capacity * period.toNanos() > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException(capacity + " requests per " + period + " is too large a bucket");
        }
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return zero when allowed, otherwise how long until the next token
     */
    Duration take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, periodNanos, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, periodNanos);
            // tokens are counted in units of 1/capacity of a period: one token = periodNanos
            if (bucket.level >= periodNanos) {
                bucket.level -= periodNanos;
                return Duration.ZERO;
            }
            long missing = periodNanos - bucket.level;
            return Duration.ofNanos((missing + capacity - 1) / capacity);
        }
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next().getValue();
            synchronized (bucket) {
                bucket.refill(now, capacity, periodNanos);
                if (bucket.level >= capacity * periodNanos) {
                    it.remove();
                }
            }
        }
    }

    /** The level is kept in token-nanoseconds: one token is {@code periodNanos}, a full bucket {@code capacity} tokens. */
    private static final class Bucket {
        long level;
        long updatedAt;

        Bucket(long capacity, long periodNanos, long now) {
            this.level = capacity * periodNanos; // a new client starts with the full burst
            this.updatedAt = now;
        }

        /** Every elapsed nanosecond adds {@code capacity} units: {@code capacity} tokens per period. */
        void refill(long now, long capacity, long periodNanos) {
            long full = capacity * periodNanos;
            long elapsed = Math.max(0, now - updatedAt);
            level = elapsed >= periodNanos ? full : Math.min(full, level + elapsed * capacity);
            updatedAt = now;
        }
    }
}
