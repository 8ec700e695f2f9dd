package org.endow.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.endow.gateway.routing.RouteProperties;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = new ConcurrencyLimits();

    @Test
    void admits_up_to_the_limit_per_key_refuses_the_rest_and_counts_them() {
        assertTrue(limits.tryAcquire("api:funds", 2));
        assertTrue(limits.tryAcquire("api:funds", 2));
        assertFalse(limits.tryAcquire("api:funds", 2));
        assertFalse(limits.tryAcquire("api:funds", 2));
        assertTrue(limits.tryAcquire("api:donations", 2), "another key has its own permits");

        assertEquals(2, limits.drainRefused("api:funds"));
        assertEquals(0, limits.drainRefused("api:funds"), "drained");
        limits.release("api:funds");
        assertTrue(limits.tryAcquire("api:funds", 2));
        assertEquals(2, limits.inFlight("api:funds"));
    }

    @Test
    void releasing_more_than_was_acquired_is_a_bug_that_shows() {
        assertTrue(limits.tryAcquire("pages", 1));
        limits.release("pages");
        assertThrows(IllegalStateException.class, () -> limits.release("pages"));
        assertThrows(IllegalStateException.class, () -> limits.release("never-used"));
    }

    @Test
    void never_admits_more_than_the_limit_under_contention() throws Exception {
        int limit = 3;
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 20_000; i++) {
                        if (limits.tryAcquire("lane", limit)) {
                            admitted.incrementAndGet();
                            highest.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                            concurrent.decrementAndGet();
                            limits.release("lane");
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        // a worker's exception (say release() refusing under contention) fails the test, not just its thread
        for (Future<Void> worker : workers) {
            worker.get();
        }
        assertTrue(highest.get() <= limit, "at most " + limit + " at once, saw " + highest.get());
        assertTrue(admitted.get() > 0);
        assertEquals(0, limits.inFlight("lane"));
    }

    @Test
    void a_request_belongs_to_the_lane_with_the_most_specific_pattern() {
        AdmissionFilter filter = new AdmissionFilter(
                List.of(
                        new AdmissionProperties("pages", List.of("/**"), 32, AdmissionProperties.Scope.LANE, null),
                        new AdmissionProperties("api", List.of("/api/**"), 64, AdmissionProperties.Scope.SERVICE, null),
                        new AdmissionProperties(
                                "webhooks",
                                List.of("/api/donations/stripe/webhook"),
                                32,
                                AdmissionProperties.Scope.LANE,
                                null)),
                List.of(new RouteProperties(
                        "funds",
                        java.net.URI.create("http://127.0.0.1:1"),
                        java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(1))));

        assertEquals("webhooks", filter.laneOf("/api/donations/stripe/webhook").name());
        assertEquals("api", filter.laneOf("/api/donations/pledges").name());
        assertEquals("pages", filter.laneOf("/transparency").name());
        assertEquals("funds", AdmissionFilter.serviceOf("/api/funds/items/packaging"));
        AdmissionProperties api = filter.laneOf("/api/funds/items");
        assertEquals("api:funds", filter.keyOf(api, "/api/funds/items"));
        assertEquals("api:auth", filter.keyOf(api, "/api/auth/token"), "the gateway's own API");
        assertEquals(
                filter.keyOf(api, "/api/made-up-1/x"),
                filter.keyOf(api, "/api/made-up-2/x"),
                "made-up names share one counter");
        assertEquals("pages", filter.keyOf(filter.laneOf("/give"), "/give"));
        assertEquals("funds", AdmissionFilter.serviceOf("/api/funds"));
    }

    @Test
    void at_most_as_many_requests_as_permits_wait_for_one() {
        assertTrue(limits.tryWait("pages", 2));
        assertTrue(limits.tryWait("pages", 2));
        assertFalse(limits.tryWait("pages", 2));
        limits.stopWaiting("pages");
        assertTrue(limits.tryWait("pages", 2));
        assertFalse(limits.tryAcquire("full", 0));
        assertEquals(1, limits.drainRefused("full"));
        assertFalse(limits.tryAcquireQuietly("full", 0));
        assertEquals(0, limits.drainRefused("full"), "a request that may still wait is not counted as refused");
    }

    @Test
    void a_lane_without_paths_or_permits_is_a_configuration_error() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AdmissionProperties("x", List.of("/**"), 0, AdmissionProperties.Scope.LANE, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AdmissionProperties("x", List.of(), 4, AdmissionProperties.Scope.LANE, null));
    }
}
