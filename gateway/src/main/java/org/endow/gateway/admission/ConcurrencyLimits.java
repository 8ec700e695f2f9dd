package org.endow.gateway.admission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what is in flight per key and refuses what would exceed the key's limit. An unbounded wait would only move
 * the queue: under overload a queued request times out at its client while still holding work, and goodput
 * collapses; refused with {@code Retry-After}, the work that is admitted still finishes in time. A short, bounded
 * wait (a few requests per permit, a fraction of a second) absorbs the bursts of a stack below saturation.
 */
final class ConcurrencyLimits {

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    /** A permit for {@code key} if fewer than {@code limit} are out; {@code false} (and counted) if not. */
    boolean tryAcquire(String key, int limit) {
        if (tryAcquireQuietly(key, limit)) {
            return true;
        }
        refused(key);
        return false;
    }

    /** As {@link #tryAcquire}, without counting a refusal (a request that may still wait for a permit). */
    boolean tryAcquireQuietly(String key, int limit) {
        return increment(inFlight, key, limit);
    }

    /** Counts a request of {@code key} that was finally refused. */
    void refused(String key) {
        refused.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** A place among at most {@code limit} requests of {@code key} waiting for a permit. */
    boolean tryWait(String key, int limit) {
        return increment(waiting, key, limit);
    }

    void stopWaiting(String key) {
        AtomicInteger counter = waiting.get(key);
        if (counter == null || counter.getAndDecrement() <= 0) {
            throw new IllegalStateException("more requests of " + key + " stopped waiting than waited");
        }
    }

    private static boolean increment(Map<String, AtomicInteger> counters, String key, int limit) {
        AtomicInteger counter = counters.computeIfAbsent(key, k -> new AtomicInteger());
        while (true) {
            int current = counter.get();
            if (current >= limit) {
                return false;
            }
            if (counter.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release(String key) {
        AtomicInteger counter = inFlight.get(key);
        if (counter == null || counter.getAndDecrement() <= 0) {
            throw new IllegalStateException("released more permits of " + key + " than were acquired");
        }
    }

    int inFlight(String key) {
        AtomicInteger counter = inFlight.get(key);
        return counter == null ? 0 : counter.get();
    }

    /** How many requests of {@code key} were refused since the last call (then starts again from 0). */
    long drainRefused(String key) {
        AtomicLong counter = refused.get(key);
        return counter == null ? 0 : counter.getAndSet(0);
    }

    Iterable<String> keys() {
        return inFlight.keySet();
    }
}
