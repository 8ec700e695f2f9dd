package org.endow.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The funds part of {@code ./endow bench}: the time from a {@code DonationReceived} being published to Kafka to the
 * funded item's balance, read through the gateway, including it. Runs in its own JVM on the broker's classpath (like
 * {@link ProducerPerf}) against the running stack.
 *
 * <p>Method (docs/benchmarks.md): envelopes exactly as the donations outbox relay writes them (topic, key = donation
 * id, the three event headers, the contract's JSON) are sent at a fixed rate. Each seeded item receives the events of
 * exactly one partition (a donation id is drawn until Kafka's own key hash puts it on that item's partition), so the
 * funds consumer applies one item's events in publishing order and "raised ≥ base + the amounts up to event k" proves
 * that event k is in the balance. The balances are read through the gateway ({@link Reading}); event k is visible at
 * the arrival of the first answer that includes it. Prints one line.
 */
public final class DonationVisibilityBench {

    static final String TOPIC = "endow.donations.v1";
    static final List<String> ITEMS =
            List.of("general", "packaging", "cpython-dir", "security-dir", "core-sprint-2027");
    private static final Pattern RAISED = Pattern.compile("\"raisedMinor\"\\s*:\\s*(\\d+)");
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Seconds of the same load before the measured run (set by {@link Bench#visibilityWarmUpSeconds}). */
    static final int WARM_UP_SECONDS = Integer.getInteger("endow.bench.warmUpSeconds", 120);

    private DonationVisibilityBench() {}

    /** Arguments: bootstrap servers, gateway base URL, events per second, seconds measured. */
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String gateway = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            int partitions = producer.partitionsFor(TOPIC).size();
            int items = Math.min(partitions, ITEMS.size());
            Reading reading = args.length > 4 ? Reading.valueOf(args[4]) : Reading.ONE_READER;
            // warm-up: JIT, connections, pools
            run(producer, http, gateway, items, partitions, rate, WARM_UP_SECONDS, reading);
            Result result = run(producer, http, gateway, items, partitions, rate, seconds, reading);
            long[] l = result.latencies();
            System.out.printf(
                    Locale.ROOT,
                    "reading=%s events=%d rate=%.0f items=%d p50=%.1f p90=%.1f p99=%.1f max=%.1f unseen=%d polls=%d"
                            + " poll_ms=%.2f published=%d cpu_ms=%d%n",
                    reading,
                    result.events(),
                    result.achievedRate(),
                    items,
                    ms(pct(l, 50)),
                    ms(pct(l, 90)),
                    ms(pct(l, 99)),
                    ms(l.length == 0 ? 0 : l[l.length - 1]),
                    result.unseen(),
                    result.polls(),
                    result.pollMillis(),
                    rate * (WARM_UP_SECONDS + seconds),
                    ProcessHandle.current()
                            .info()
                            .totalCpuDuration()
                            .map(Duration::toMillis)
                            .orElse(0L));
        }
    }

    /**
     * How the balances are read through the gateway. {@code ONE_READER}: one client reads every item's balance in one
     * {@code GET /api/funds/items}, at most every {@value #READ_EVERY_MS} ms (about 200 reads/s, what a busy
     * transparency page would cause; resolution: the interval plus one read). {@code READER_PER_ITEM}: one client per
     * item reading its item back to back (the first method; its reads alone nearly saturate two cores).
     */
    enum Reading {
        ONE_READER,
        READER_PER_ITEM
    }

    static final long READ_EVERY_MS = 5;
    private static final Pattern ITEM =
            Pattern.compile("\"code\"\\s*:\\s*\"([a-z0-9-]+)\"[^{}]*?\"raisedMinor\"\\s*:\\s*(\\d+)");

    record Result(int events, double achievedRate, long[] latencies, int unseen, long polls, double pollMillis) {}

    private static Result run(
            KafkaProducer<String, byte[]> producer,
            HttpClient http,
            String gateway,
            int items,
            int partitions,
            int rate,
            int seconds,
            Reading reading)
            throws Exception {
        int total = rate * seconds;
        // plan: event k goes to item k % items, on that item's partition, with a distinct positive amount
        String[] donationIds = new String[total];
        long[] amounts = new long[total];
        List<List<Integer>> perItem = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            perItem.add(new ArrayList<>());
        }
        for (int k = 0; k < total; k++) {
            int item = k % items;
            donationIds[k] = idOnPartition(item, partitions);
            amounts[k] = 100 + (k % 997);
            perItem.get(item).add(k);
        }
        long[] base = new long[items];
        for (int i = 0; i < items; i++) {
            base[i] = raised(http, gateway, ITEMS.get(i));
        }
        long[] sentNanos = new long[total];
        long[] visibleNanos = new long[total];
        AtomicInteger sentUpTo = new AtomicInteger(); // events [0, sentUpTo) have their send time set
        AtomicLong polls = new AtomicLong();
        AtomicLong pollNanos = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) + SETTLE.toNanos();
        long[][] cumulativeOf = new long[items][];
        for (int i = 0; i < items; i++) {
            List<Integer> events = perItem.get(i);
            cumulativeOf[i] = new long[events.size()];
            long sum = base[i];
            for (int n = 0; n < events.size(); n++) {
                sum += amounts[events.get(n)];
                cumulativeOf[i][n] = sum;
            }
        }
        try (ExecutorService pollers = Executors.newFixedThreadPool(items)) {
            List<Future<?>> running = new ArrayList<>();
            if (reading == Reading.ONE_READER) {
                running.add(pollers.submit(() -> {
                    int[] next = new int[items];
                    int remaining = total;
                    while (remaining > 0 && System.nanoTime() < deadline) {
                        long asked = System.nanoTime();
                        Map<String, Long> raised = allRaised(http, gateway);
                        long answered = System.nanoTime();
                        polls.incrementAndGet();
                        pollNanos.addAndGet(answered - asked);
                        int published = sentUpTo.get();
                        for (int item = 0; item < items; item++) {
                            List<Integer> events = perItem.get(item);
                            long now = raised.getOrDefault(ITEMS.get(item), 0L);
                            while (next[item] < events.size()
                                    && events.get(next[item]) < published
                                    && cumulativeOf[item][next[item]] <= now) {
                                visibleNanos[events.get(next[item])] = answered;
                                next[item]++;
                                remaining--;
                            }
                        }
                        long wait = asked + TimeUnit.MILLISECONDS.toNanos(READ_EVERY_MS) - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; reading == Reading.READER_PER_ITEM && i < items; i++) {
                int item = i;
                running.add(pollers.submit(() -> {
                    List<Integer> events = perItem.get(item);
                    long[] cumulative = new long[events.size()];
                    long sum = base[item];
                    for (int n = 0; n < events.size(); n++) {
                        sum += amounts[events.get(n)];
                        cumulative[n] = sum;
                    }
                    int next = 0;
                    while (next < events.size() && System.nanoTime() < deadline) {
                        long asked = System.nanoTime();
                        long raised = raised(http, gateway, ITEMS.get(item));
                        long answered = System.nanoTime();
                        polls.incrementAndGet();
                        pollNanos.addAndGet(answered - asked);
                        int published = sentUpTo.get();
                        while (next < events.size() && events.get(next) < published && cumulative[next] <= raised) {
                            visibleNanos[events.get(next)] = answered;
                            next++;
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            for (int k = 0; k < total; k++) {
                long due = start + k * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                sentNanos[k] = System.nanoTime();
                sentUpTo.set(k + 1);
                producer.send(envelope(donationIds[k], amounts[k], ITEMS.get(k % items)), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double achieved = total / ((System.nanoTime() - start) / 1e9);
            for (Future<?> poller : running) {
                poller.get();
            }
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " sends failed");
            }
            long[] latencies = new long[total];
            int seen = 0;
            for (int k = 0; k < total; k++) {
                if (visibleNanos[k] != 0) {
                    latencies[seen++] = visibleNanos[k] - sentNanos[k];
                }
            }
            long[] sorted = Arrays.copyOf(latencies, seen);
            Arrays.sort(sorted);
            return new Result(
                    total,
                    achieved,
                    sorted,
                    total - seen,
                    polls.get(),
                    polls.get() == 0 ? 0 : pollNanos.get() / 1e6 / polls.get());
        }
    }

    /** A fresh donation id whose key Kafka's default partitioner puts on {@code partition}. */
    private static String idOnPartition(int partition, int partitions) {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return id;
            }
        }
    }

    /** The record the donations outbox relay would send for this receipt (see OutboxRelay#toRecord). */
    private static ProducerRecord<String, byte[]> envelope(String donationId, long amountMinor, String fundCode) {
        String eventId = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        String json = "{\"eventId\":\"" + eventId + "\",\"type\":\"donations.DonationReceived\",\"version\":1,"
                + "\"occurredAt\":\"" + now + "\",\"aggregateId\":\"" + donationId + "\","
                + "\"correlationId\":\"" + UUID.randomUUID() + "\",\"payload\":{\"donationId\":\"" + donationId
                + "\",\"donorId\":\"bench-donor\",\"amountMinor\":" + amountMinor + ",\"currency\":\"USD\","
                + "\"fundCode\":\"" + fundCode + "\",\"method\":\"BANK_TRANSFER\",\"receivedAt\":\"" + now
                + "\",\"reference\":\"bench\"}}";
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(TOPIC, donationId, json.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("endow-event-id", eventId.getBytes(StandardCharsets.UTF_8))
                .add("endow-event-type", "donations.DonationReceived".getBytes(StandardCharsets.UTF_8))
                .add("endow-event-version", "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2"); // as KafkaClients#producer, which the relay uses
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Every item's raised amount, from one {@code GET /api/funds/items} through the gateway. */
    private static Map<String, Long> allRaised(HttpClient http, String gateway) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/funds/items"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("items answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, Long> raised = new HashMap<>();
            Matcher m = ITEM.matcher(response.body());
            while (m.find()) {
                raised.put(m.group(1), Long.parseLong(m.group(2)));
            }
            return raised;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long raised(HttpClient http, String gateway, String code) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/funds/items/" + code))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher raised = RAISED.matcher(response.body());
            if (response.statusCode() != 200 || !raised.find()) {
                throw new IllegalStateException(code + " answered " + response.statusCode() + ": " + response.body());
            }
            return Long.parseLong(raised.group(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
