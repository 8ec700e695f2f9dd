package org.endow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * {@code ./endow bench}: starts the whole stack as the run command does (without building), then
 * measures, in the same run, the same request sent to the funds service directly and through the
 * gateway. Sequential requests give the latency the gateway adds below saturation; a fixed number of
 * concurrent clients gives the share of direct throughput the gateway keeps. Writes a Markdown report
 * to {@code target/bench/} and prints it.
 */
public final class Bench {

    static final String PATH = "/api/funds/items/packaging";
    static final int WARMUP = 3_000;
    static final int ROUNDS = 5;
    static final int PER_ROUND = 2_000;
    static final int CLIENTS = 16;
    /** Saturation alternates between the two paths this many times... */
    static final int SATURATION_ROUNDS = 4;
    /** ...loading each for this long. */
    static final Duration SATURATION_ROUND = Duration.ofSeconds(2);
    /** Busy cores under which the machine counts as quiet before a start-up is measured. */
    static final double QUIET_CORES = 0.3;
    /** The longest wait for a quiet machine before a start-up is measured anyway (and marked not quiet). */
    static final Duration QUIET_WAIT = Duration.ofSeconds(90);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> modes =
                List.of("--funds-only", "--mix-only", "--startup-only", "--intents-only", "--gateway-only");
        List<String> options = Arrays.asList(args);
        for (String option : options) {
            if (!modes.contains(option)) {
                System.err.println("bench: unknown option " + option + "; one of " + String.join(", ", modes)
                        + " (or none: everything)");
                System.exit(2);
            }
        }
        String mode = modes.stream().filter(options::contains).findFirst().orElse("");
        Path root = RepoRoot.find();
        AtomicReference<Stack> current = new AtomicReference<>();
        // a bench stopped by a signal stops its stack too (nothing left holding the ports)
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> Optional.ofNullable(current.get()).ifPresent(Stack::stopAll), "endow-bench-stop"));
        Optional<Duration> recordingStart = recordAotCaches(root, current);
        Instant launched = Instant.now();
        Stack stack = new Stack(root, launched, freshData(root));
        current.set(stack);
        stack.overrideGatewayEnvironment(IntentsBench.LIFTED_LIMITS);
        stack.sendMailToSink();
        try {
            stack.run();
            Duration ready = Duration.between(launched, Instant.now());
            String runOf = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\n";
            String report = switch (mode) {
                case "--funds-only" ->
                    "### Funds only, run of " + runOf + donationVisibility(stack, find(stack, "gateway"));
                case "--mix-only" -> "### Mix only, run of " + runOf + mix(stack);
                case "--startup-only" -> "### Start-up only, run of " + runOf + startingAlone(stack);
                case "--gateway-only" ->
                    "### Gateway only, run of " + runOf + gatewayAdds(stack) + gatewayMemory(find(stack, "gateway"));
                case "--intents-only" ->
                    "### Intents only, run of " + runOf + IntentsBench.measure(stack, find(stack, "gateway"));
                default -> measure(stack, ready, recordingStart);
            };
            System.out.println(report);
            Path out = root.resolve("target/bench");
            Files.createDirectories(out);
            Path file = out.resolve(
                    "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.writeString(file, report);
            System.out.println("Report written to " + root.relativize(file));
        } finally {
            stack.stopAll();
        }
    }

    /**
     * The first start after a build records every application's AOT cache: its JVMs run in JDK 25's training mode
     * and start slower, while every later start runs from the caches. So when a cache is stale, the stack is started
     * once to record them (from launch to ready: the first-start figure), stopped, and the measured stack is the one
     * that starts from the caches, as the stack runs from then on.
     */
    private static Optional<Duration> recordAotCaches(Path root, AtomicReference<Stack> current) {
        Instant launched = Instant.now();
        Stack recording = new Stack(root, launched, freshData(root));
        List<String> stale = recording.appsRecordingAotCaches();
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        System.out.println("Recording the AOT caches of " + stale + " first (a start and a stop of the stack)");
        current.set(recording);
        recording.overrideGatewayEnvironment(IntentsBench.LIFTED_LIMITS);
        try {
            recording.run();
            return Optional.of(Duration.between(launched, Instant.now()));
        } finally {
            recording.stopAll(); // the caches are written as each JVM exits
            current.set(null);
        }
    }

    /**
     * The bench's own data (broker, embedded PostgreSQL, keys), emptied before every start: each run measures the same
     * thing, a stack started on empty databases and topics, and the tens of thousands of pledges and synthetic events
     * it sends never reach the data of the developer's {@code ./endow run} in {@code .endow/data}.
     */
    static Path freshData(Path root) {
        Path data = root.resolve("target/bench/data");
        Processes.deleteRecursively(data);
        return data;
    }

    private static String measure(Stack stack, Duration ready, Optional<Duration> recordingStart) throws Exception {
        ServiceProcess gateway = find(stack, "gateway");
        String added = gatewayAdds(stack);
        StringBuilder md = new StringBuilder();
        md.append("### Run of ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append("\n\n");
        md.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, JDK ")
                .append(Runtime.version())
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append("\n\n");
        md.append("Stack ready (Kafka, PostgreSQL, every app healthy, demo data) in **")
                .append(String.format("%.1f s", ready.toMillis() / 1000.0))
                .append("** from the launcher's start (no build), every app from its AOT cache.");
        recordingStart.ifPresent(first -> md.append(String.format(
                " The first start after the build, which recorded the caches, was ready in **%.1f s**.",
                first.toMillis() / 1000.0)));
        md.append("\n\n");
        md.append("| app | start to healthy | RSS when healthy | RSS after the gateway's runs below |\n"
                + "|---|---:|---:|---:|\n");
        for (ServiceProcess app : stack.applications()) {
            md.append(String.format(
                    "| %s | %.1f s | %d MiB | %d MiB |%n",
                    app.name(),
                    app.startToHealthy().orElse(Duration.ZERO).toMillis() / 1000.0,
                    app.rssWhenHealthyKb().orElse(0) / 1024,
                    app.rssKb().orElse(0) / 1024));
        }
        md.append(added);
        md.append(IntentsBench.measure(stack, gateway));
        md.append(mix(stack));
        // before the funds bench: donations dead-letters each of its synthetic DonationReceived events (they name
        // donations it never had) as they arrive, which keeps the cores busy until the last of them
        md.append(startingAlone(stack));
        md.append(donationVisibility(stack, find(stack, "gateway")));
        return md.toString();
    }

    /**
     * What the gateway adds to {@code GET }{@value #PATH}: the latency below saturation (sequential requests, rounds
     * alternating between funds directly and through the gateway) and the share of direct throughput it keeps at
     * saturation ({@value #CLIENTS} clients, {@value #SATURATION_ROUNDS} alternating rounds on each path). Alternating
     * matters: this machine's speed drifts by more than the difference measured, and two long windows one after the
     * other measured the drift as much as the gateway.
     */
    static String gatewayAdds(Stack stack) throws Exception {
        URI direct = URI.create(find(stack, "funds").baseUrl() + PATH);
        URI proxied = URI.create(find(stack, "gateway").baseUrl() + PATH);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        sequential(client, direct, WARMUP);
        sequential(client, proxied, WARMUP);
        List<Long> directNanos = new ArrayList<>();
        List<Long> gatewayNanos = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // alternate, so that drift (JIT, GC, the other core's load) hits both alike
            directNanos.addAll(sequential(client, direct, PER_ROUND));
            gatewayNanos.addAll(sequential(client, proxied, PER_ROUND));
        }
        Saturation saturation = saturateAlternately(
                direct, proxied, SATURATION_ROUNDS, SATURATION_ROUND, new CpuMeter(stack)::snapshot);

        long[] d = sorted(directNanos);
        long[] g = sorted(gatewayNanos);
        StringBuilder md = new StringBuilder();
        md.append("\n`GET ")
                .append(PATH)
                .append("`, ")
                .append(ROUNDS * PER_ROUND)
                .append(" sequential requests each (")
                .append(ROUNDS)
                .append(" alternating rounds of ")
                .append(PER_ROUND)
                .append("), ");
        md.append("after ").append(WARMUP).append(" warm-up requests each:\n\n");
        md.append("| path | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        md.append(row("direct to funds", d)).append(row("through the gateway", g));
        md.append(String.format(
                "| **added by the gateway** | **%.2f ms** | %.2f ms | **%.2f ms** | |%n",
                ms(pct(g, 50) - pct(d, 50)), ms(pct(g, 90) - pct(d, 90)), ms(pct(g, 99) - pct(d, 99))));
        md.append(String.format(
                "%nSaturation, %d concurrent clients, %d alternating rounds of %d s on each path: direct %.0f req/s,"
                        + " through the gateway %.0f req/s = **%.0f %%** of direct (each round: %s).%n",
                CLIENTS,
                SATURATION_ROUNDS,
                SATURATION_ROUND.toSeconds(),
                saturation.directRps(),
                saturation.gatewayRps(),
                100 * saturation.share(),
                saturation.roundShares().stream()
                        .map(share -> String.format("%.0f %%", 100 * share))
                        .collect(java.util.stream.Collectors.joining(", "))));
        md.append("\nWhere the CPU went in those rounds (whole-tick counts of each process; the gateway's own cost per"
                + " proxied request is its row in the second table):\n\n");
        md.append(CpuMeter.perRequest(saturation.directTicks(), saturation.directDone(), "request, direct"));
        md.append('\n');
        md.append(CpuMeter.perRequest(
                saturation.gatewayTicks(), saturation.gatewayDone(), "request, through the gateway"));
        return md.toString();
    }

    /**
     * Each application restarted on its own, one after the other, on the running stack: its start to healthy (HTTP
     * up, Flyway done, its database and Kafka reachable) and its resident memory then. The start-up table above is
     * all six starting at once on the same cores. Each restart waits until the machine is quiet (under {@value
     * #QUIET_CORES} cores busy over a second, for at most {@link #QUIET_WAIT}): after the load above, and after the
     * previous restart, consumers catch up and new JVMs compile for a while, and a start-up measured then measures
     * them too. The report says how busy the machine was when each start began.
     */
    static String startingAlone(Stack stack) throws InterruptedException {
        StringBuilder md = new StringBuilder(
                "\n## Each application started alone (restarted one at a time on the running stack)\n\n"
                        + "| app | start to healthy | RSS when healthy | machine busy before the start | waited for"
                        + " quiet |\n|---|---:|---:|---:|---:|\n");
        List<String> names =
                stack.applications().stream().map(ServiceProcess::name).toList();
        for (String name : names) {
            CpuMeter.Quiet quiet = CpuMeter.awaitQuiet(QUIET_CORES, QUIET_WAIT);
            ServiceProcess app = stack.restartAlone(name);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f s | %d MiB | %.2f cores%s | %.0f s |%n",
                    name,
                    app.startToHealthy().orElse(Duration.ZERO).toMillis() / 1000.0,
                    app.rssWhenHealthyKb().orElse(0) / 1024,
                    quiet.busyCores(),
                    quiet.reached() ? "" : " (not quiet)",
                    quiet.waited().toMillis() / 1000.0));
        }
        return md.toString();
    }

    private static String mix(Stack stack) throws Exception {
        ServiceProcess gateway = find(stack, "gateway");
        return MixBench.measure(stack, gateway, IntentsBench.donorToken(gateway.baseUrl()));
    }

    /**
     * Seconds of the same load before the measured window ({@code ENDOW_BENCH_WARM_UP}, default 120): a freshly started
     * stack keeps compiling its hot code for a minute or more (funds' JIT compiler threads were still 45 % of its CPU
     * 50 s after start; after 30 s of warm-up p99 was 0.3–0.7 s, after 120 s 70 ms), and the target is about a running
     * system. {@code ENDOW_BENCH_WARM_UP=3} measures the cold stack.
     */
    static int visibilityWarmUpSeconds() {
        return secondsFromEnv("ENDOW_BENCH_WARM_UP", 120);
    }

    /** A whole number of seconds from the environment, or the default when unset; a clear error when not a number. */
    static int secondsFromEnv(String name, int defaultSeconds) {
        String configured = System.getenv(name);
        if (configured == null || configured.isBlank()) {
            return defaultSeconds;
        }
        try {
            int seconds = Integer.parseInt(configured.strip());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds (e.g. " + defaultSeconds
                    + "), not '" + configured + "'");
        }
    }

    static final int VISIBILITY_RATE = 500;
    static final int VISIBILITY_SECONDS = 20;

    /**
     * {@link DonationVisibilityBench} in its own JVM on the broker's classpath: {@code DonationReceived} published at
     * {@value #VISIBILITY_RATE}/s for {@value #VISIBILITY_SECONDS} s, time until each is in its item's balance as the
     * gateway shows it.
     */
    static String donationVisibility(Stack stack, ServiceProcess gateway) throws Exception {
        StringBuilder report = new StringBuilder(
                "\n## DonationReceived to balance through the gateway\n\nTarget p99 ≤ 500 ms. Two ways of reading the"
                        + " balances, one after the other on the same stack (see docs/benchmarks.md):\n");
        for (DonationVisibilityBench.Reading reading : DonationVisibilityBench.Reading.values()) {
            report.append(donationVisibility(stack, gateway, reading));
        }
        return report.toString();
    }

    private static String donationVisibility(
            Stack stack, ServiceProcess gateway, DonationVisibilityBench.Reading reading) throws Exception {
        Path root = stack.root();
        String classpath = root.resolve("infra/kafka-broker/target/lib") + "/*:"
                + root.resolve("infra/devstack/target/devstack-0.1.0-SNAPSHOT.jar");
        CpuMeter cpu = new CpuMeter(stack);
        Map<String, Long> before = cpu.snapshot();
        Process process = new ProcessBuilder(
                        Processes.javaExecutable(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        // the quick compiler only: the harness spends less of the 2 cores compiling itself
                        "-XX:TieredStopAtLevel=1",
                        "-Dendow.bench.warmUpSeconds=" + visibilityWarmUpSeconds(),
                        "-cp",
                        classpath,
                        DonationVisibilityBench.class.getName(),
                        stack.broker().bootstrapServers(),
                        gateway.baseUrl(),
                        Integer.toString(VISIBILITY_RATE),
                        Integer.toString(VISIBILITY_SECONDS),
                        reading.name())
                .redirectErrorStream(true)
                .start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        Map<String, Long> after = cpu.snapshot();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("events=(\\d+) rate=(\\d+) items=(\\d+)"
                        + " p50=([0-9.]+) p90=([0-9.]+) p99=([0-9.]+) max=([0-9.]+) unseen=(\\d+) polls=(\\d+)"
                        + " poll_ms=([0-9.]+) published=(\\d+) cpu_ms=(\\d+)")
                .matcher(output);
        if (!line.find()) {
            return "\nDonation visibility bench (" + reading + ") failed:\n```\n"
                    + output.lines().limit(30).reduce("", (a, b) -> a + b + "\n") + "```\n";
        }
        return String.format(
                        java.util.Locale.ROOT,
                        "%n* `%s`: %s events published at %s/s (asked %d/s, %d s, after %d s of warm-up) over %s items:"
                                + " p50 **%s ms**, p90 %s ms,"
                                + " p99 **%s ms**, max %s ms; %s never seen within 30 s; %s balance reads, %s ms each on"
                                + " average.%n",
                        reading,
                        line.group(1),
                        line.group(2),
                        VISIBILITY_RATE,
                        VISIBILITY_SECONDS,
                        visibilityWarmUpSeconds(),
                        line.group(3),
                        line.group(4),
                        line.group(5),
                        line.group(6),
                        line.group(7),
                        line.group(8),
                        line.group(9),
                        line.group(10))
                + cpuPerEvent(before, after, Long.parseLong(line.group(11)), Long.parseLong(line.group(12)));
    }

    /**
     * CPU per published event over the whole sub-run (warm-up included), each part of the stack plus the publishing
     * and reading JVM (which reports its own CPU time as it ends).
     */
    private static String cpuPerEvent(Map<String, Long> before, Map<String, Long> after, long events, long benchMs) {
        Map<String, Long> withPublisher = new java.util.LinkedHashMap<>(after);
        withPublisher.put(
                "publisher and reader JVM",
                Math.round(benchMs * CpuMeter.TICKS_PER_SECOND / 1000.0)); // ms → ticks, like the others
        Map<String, Long> start = new java.util.LinkedHashMap<>(before);
        start.put("publisher and reader JVM", 0L);
        return "\n" + CpuMeter.perRequest(start, withPublisher, events, "event");
    }

    private static List<Long> sequential(HttpClient client, URI uri, int count)
            throws IOException, InterruptedException {
        List<Long> nanos = new ArrayList<>(count);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
        }
        return nanos;
    }

    /** The gateway's resident memory when it first answered healthy and now, after the runs above. */
    private static String gatewayMemory(ServiceProcess gateway) {
        return String.format(
                "%nThe gateway's RSS: %d MiB when it first answered healthy, %d MiB after these runs.%n",
                gateway.rssWhenHealthyKb().orElse(0) / 1024, gateway.rssKb().orElse(0) / 1024);
    }

    /**
     * The answers counted on each path over the {@code seconds} of its counted windows, the gateway's share of direct
     * in each round, and the CPU ticks each part of the stack used in the counted windows of each path.
     */
    record Saturation(
            List<Double> roundShares,
            double seconds,
            long directDone,
            long gatewayDone,
            Map<String, Long> directTicks,
            Map<String, Long> gatewayTicks) {

        double directRps() {
            return directDone / seconds;
        }

        double gatewayRps() {
            return gatewayDone / seconds;
        }

        double share() {
            return gatewayRps() / directRps();
        }
    }

    /**
     * {@value #CLIENTS} clients, each with its own connections, load one path then the other for {@code round} each,
     * {@code rounds} times, after one round on each path that is not counted (the clients' connections opened, the
     * paths warm). With a {@code meter} (CPU ticks per part of the stack, e.g. {@link CpuMeter#snapshot()}), the
     * ticks of each counted window are added up per path.
     */
    static Saturation saturateAlternately(
            URI direct, URI proxied, int rounds, Duration round, Supplier<Map<String, Long>> meter)
            throws InterruptedException {
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        try {
            load(clients, direct, round);
            load(clients, proxied, round);
            long directDone = 0;
            long gatewayDone = 0;
            Map<String, Long> directTicks = new LinkedHashMap<>();
            Map<String, Long> gatewayTicks = new LinkedHashMap<>();
            List<Double> shares = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long d = metered(meter, directTicks, () -> load(clients, direct, round));
                long g = metered(meter, gatewayTicks, () -> load(clients, proxied, round));
                directDone += d;
                gatewayDone += g;
                shares.add(d == 0 ? 0 : g / (double) d);
            }
            return new Saturation(
                    shares, rounds * round.toMillis() / 1000.0, directDone, gatewayDone, directTicks, gatewayTicks);
        } finally {
            clients.forEach(HttpClient::close);
        }
    }

    private interface Window {
        long run() throws InterruptedException;
    }

    /** Runs the window and adds the ticks each part used meanwhile to {@code ticks}. */
    private static long metered(Supplier<Map<String, Long>> meter, Map<String, Long> ticks, Window window)
            throws InterruptedException {
        Map<String, Long> before = meter.get();
        long done = window.run();
        meter.get().forEach((part, after) -> {
            Long start = before.get(part);
            if (start != null) {
                ticks.merge(part, after - start, Long::sum);
            }
        });
        return done;
    }

    /** Each client sends requests back to back for the window; @return the answers received within it. */
    private static long load(List<HttpClient> clients, URI uri, Duration window) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long end = System.nanoTime() + window.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
            for (HttpClient client : clients) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (System.nanoTime() > end) {
                                return; // answered after the window: not counted
                            }
                            if (status == 200) {
                                done.increment();
                            } else {
                                failed.increment();
                            }
                        } catch (IOException e) {
                            failed.increment();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        if (failed.sum() > 0) {
            throw new IllegalStateException(failed.sum() + " requests to " + uri + " failed under load");
        }
        return done.sum();
    }

    private static ServiceProcess find(Stack stack, String name) {
        return stack.applications().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running: build it first"));
    }

    private static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String row(String name, long[] sorted) {
        return String.format(
                "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
                name, ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
    }
}
