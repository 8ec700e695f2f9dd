package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The alternating saturation rounds against two local servers: one answers at once, the other one request at a time,
 * each 10 ms later. The second cannot pass 100 requests/s whatever the machine, and the first, however loaded the
 * machine, does more: the comparison does not rest on the machine's speed.
 */
class BenchSaturationTest {

    /** A stand-in for the CPU meter: one part, whose ticks rise by one at every reading. */
    private final AtomicLong readings = new AtomicLong();

    private final Supplier<Map<String, Long>> meter = () -> Map.of("part", readings.incrementAndGet());

    private HttpServer fast;
    private HttpServer slow;

    private static HttpServer server(long delayMillis, int status) throws IOException {
        return server(delayMillis, status, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** A server that answers one request at a time, each {@code delayMillis} late: at most 1000 / delay per second. */
    private static HttpServer serial(long delayMillis) throws IOException {
        return server(
                delayMillis,
                200,
                Executors.newSingleThreadExecutor(Thread.ofVirtual().factory()));
    }

    private static HttpServer server(long delayMillis, int status, java.util.concurrent.Executor executor)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        if (fast != null) {
            fast.stop(0);
        }
        if (slow != null) {
            slow.stop(0);
        }
    }

    @Test
    void each_round_compares_the_two_paths_and_the_share_is_of_all_rounds_together() throws Exception {
        fast = server(0, 200);
        slow = serial(10);

        Bench.Saturation saturation = Bench.saturateAlternately(uri(fast), uri(slow), 3, Duration.ofMillis(400), meter);

        assertEquals(3, saturation.roundShares().size());
        assertTrue(saturation.directRps() > saturation.gatewayRps(), saturation.toString());
        assertTrue(saturation.gatewayRps() > 0, saturation.toString());
        // one request at a time, 10 ms each: at most 100/s (and one more per window), whatever the machine
        assertTrue(saturation.gatewayRps() <= 100 * 1.05, saturation.toString());
        assertTrue(saturation.roundShares().stream().allMatch(share -> share > 0 && share < 1), saturation.toString());
        assertEquals(saturation.gatewayRps() / saturation.directRps(), saturation.share(), 1e-9);
        assertEquals(saturation.directDone(), Math.round(saturation.directRps() * 1.2));
        // the meter was read before and after each counted window (not the uncounted first ones): 1 tick each
        assertEquals(Map.of("part", 3L), saturation.directTicks());
        assertEquals(Map.of("part", 3L), saturation.gatewayTicks());
    }

    @Test
    void a_path_that_fails_under_load_fails_the_measurement() throws Exception {
        fast = server(0, 200);
        slow = server(0, 503);

        IllegalStateException failed = assertThrows(
                IllegalStateException.class,
                () -> Bench.saturateAlternately(uri(fast), uri(slow), 3, Duration.ofMillis(400), meter));
        assertTrue(failed.getMessage().contains("failed under load"), failed.getMessage());
    }
}
