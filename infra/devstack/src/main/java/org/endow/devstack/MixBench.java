package org.endow.devstack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The realistic mix of {@code ./endow bench} (issue #8): every kind of request the portal sees, at once, each at
 * its own fixed rate (open loop: latency counted from when each request was due), through the gateway on the running
 * stack — donate page views, donation intents, Stripe webhooks (signed by the stand-in, an event type the
 * service acknowledges and stores once), sponsor portal reads (the wall page and its JSON), and the transparency
 * page. Reports throughput and p50/p95/p99 per request type.
 */
final class MixBench {

    static final Duration WINDOW = Duration.ofSeconds(20);
    /** A request unanswered after this counts as failed (the run always ends). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One kind of request and its rate. */
    record Stream(String name, int perSecond, IntFunction<HttpRequest> request) {}

    private MixBench() {}

    /**
     * The rates below times {@code ENDOW_BENCH_MIX_SCALE} (default 1): to find the load the stack sustains on a given
     * machine.
     */
    static double scale() {
        String value = System.getenv("ENDOW_BENCH_MIX_SCALE");
        double scale = value == null || value.isBlank() ? 1.0 : Double.parseDouble(value);
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException("ENDOW_BENCH_MIX_SCALE must be above 0 and at most 100");
        }
        return scale;
    }

    static String measure(Stack stack, ServiceProcess gateway, String donorToken) throws Exception {
        String base = gateway.baseUrl();
        double scale = scale();
        String pledge =
                "{\"amountMinor\":2500,\"currency\":\"USD\",\"fundCode\":\"general\",\"method\":\"BANK_TRANSFER\"}";
        List<Stream> streams = new ArrayList<>(List.of(
                new Stream("donate page view (`GET /give`)", 60, i -> get(base + "/give")),
                new Stream(
                        "donation intent (`POST /api/donations/pledges`)",
                        60,
                        i -> LoadGenerator.json(URI.create(base + "/api/donations/pledges"), pledge)
                                .header("Authorization", "Bearer " + donorToken)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .timeout(TIMEOUT)
                                .build()),
                new Stream("sponsor wall page (`GET /sponsors`)", 20, i -> get(base + "/sponsors")),
                new Stream("sponsor wall JSON (`GET /api/sponsors/wall`)", 20, i -> get(base + "/api/sponsors/wall")),
                new Stream("transparency page (`GET /transparency`)", 30, i -> get(base + "/transparency"))));
        stack.stripeStandin()
                .ifPresent(stripe ->
                        streams.add(new Stream("Stripe webhook (`POST /api/donations/stripe/webhook`)", 20, i -> {
                            String body = "{\"id\":\"evt_mix_"
                                    + UUID.randomUUID().toString().replace("-", "")
                                    + "\",\"object\":\"event\",\"api_version\":\"" + com.stripe.Stripe.API_VERSION
                                    + "\",\"created\":" + Instant.now().getEpochSecond()
                                    + ",\"type\":\"customer.created\",\"livemode\":false,\"pending_webhooks\":1,"
                                    + "\"request\":{},\"data\":{\"object\":{\"id\":\"cus_mix\",\"object\":\"customer\"}}}";
                            return LoadGenerator.json(URI.create(base + "/api/donations/stripe/webhook"), body)
                                    .header("Stripe-Signature", stripe.signature(body))
                                    .build();
                        })));
        streams.replaceAll(st ->
                new Stream(st.name(), Math.max(1, (int) Math.round(st.perSecond() * scale)), st.request()));
        // warm-up: every stream at its rate for 10 s, then the measured window
        run(streams, Duration.ofSeconds(10));
        List<LoadGenerator.Result> results = run(streams, WINDOW);
        int total = streams.stream().mapToInt(Stream::perSecond).sum();
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                "%n## Realistic mix through the gateway (%d requests/s in all, %d s, open loop)%n%n",
                total,
                WINDOW.toSeconds()));
        md.append(LoadGenerator.Result.header());
        results.forEach(r -> md.append(r.row()));
        return md.toString();
    }

    private static List<LoadGenerator.Result> run(List<Stream> streams, Duration window) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(streams.size())) {
            List<Future<LoadGenerator.Result>> running = new ArrayList<>();
            for (Stream stream : streams) {
                running.add(pool.submit(() -> new LoadGenerator()
                        .fixedRate(
                                stream.name() + " at " + stream.perSecond() + "/s",
                                stream.perSecond(),
                                window,
                                stream.request())));
            }
            List<LoadGenerator.Result> results = new ArrayList<>();
            for (Future<LoadGenerator.Result> result : running) {
                results.add(result.get());
            }
            return results;
        }
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET().build();
    }
}
