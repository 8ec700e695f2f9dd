package org.endow.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives HTTP load for {@code ./endow bench}. Two shapes: a fixed number of clients in a closed loop (what a system
 * sustains at saturation) and a fixed arrival rate, open loop (latency at a given load; each latency is measured from
 * the moment the request was due, so a stall is not hidden by requests that were never sent — no coordinated
 * omission).
 */
final class LoadGenerator {

    /** What one run measured. */
    record Result(
            String name, long ok, long failed, Map<Integer, Integer> statuses, double seconds, long[] sortedNanos) {

        double throughput() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,.0f/s | %.2f ms | %.2f ms | %.2f ms | %d | %s |%n",
                    name,
                    throughput(),
                    percentileMillis(50),
                    percentileMillis(95),
                    percentileMillis(99),
                    failed,
                    statuses);
        }

        static String header() {
            return "| what | throughput (2xx) | p50 | p95 | p99 | failed | statuses |\n|---|---:|---:|---:|---:|---:|---|\n";
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            // daemon threads: the bench's JVM must end when its main method does
            .executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "load-generator");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    /** {@code clients} loops sending {@code request.apply(i)} back to back for {@code duration}. */
    Result closedLoop(String name, int clients, Duration duration, IntFunction<HttpRequest> request)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(
                                    request.apply(sequence.getAndIncrement()), HttpResponse.BodyHandlers.discarding());
                            record(response.statusCode(), System.nanoTime() - sent, latencies, statuses, failed);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            statuses.merge(-1, 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
        }
        return result(name, latencies, statuses, failed.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Requests due at a fixed {@code perSecond} for {@code duration}, whatever the answers' speed. */
    Result fixedRate(String name, int perSecond, Duration duration, IntFunction<HttpRequest> request)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        int total = (int) (duration.toNanos() / interval);
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>(total));
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                            statuses.merge(-1, 1, Integer::sum);
                        } else {
                            record(response.statusCode(), System.nanoTime() - due, latencies, statuses, failed);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return result(name, latencies, statuses, failed.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void record(
            int status, long nanos, List<Long> latencies, Map<Integer, Integer> statuses, AtomicInteger failed) {
        statuses.merge(status, 1, Integer::sum);
        if (status >= 200 && status < 300) {
            latencies.add(nanos);
        } else {
            failed.incrementAndGet();
        }
    }

    private static Result result(
            String name, List<Long> latencies, Map<Integer, Integer> statuses, long failed, double seconds) {
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(sorted);
        return new Result(name, sorted.length, failed, new TreeMap<>(statuses), seconds, sorted);
    }

    static HttpRequest.Builder json(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
