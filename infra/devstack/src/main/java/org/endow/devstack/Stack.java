package org.endow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run command: {@code Stack run} starts Kafka, PostgreSQL and every application of {@link #APPS} that has been
 * built, prints where to go, and stops everything in order on Ctrl-C.
 */
public final class Stack {

    static {
        // slf4j-simple, when it is the binding (the launcher's class path): short timestamped lines
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    }

    /** Every application of the stack; add a line here to have {@code ./endow run} start one more. */
    public static final List<AppSpec> APPS = List.of(
            new AppSpec(AppSpec.GATEWAY, "gateway", "gateway", 8080),
            new AppSpec("donations", "services/donations", "donations", 8081),
            new AppSpec("funds", "services/funds", "funds", 8082),
            new AppSpec("sponsor-tiers", "services/sponsor-tiers", "sponsor-tiers", 8083),
            new AppSpec("grant-proposals", "services/grant-proposals", "grant-proposals", 8084),
            new AppSpec("fellow-nominations", "services/fellow-nominations", "fellow-nominations", 8085));

    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_POSTGRES_PORT = 54320;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final String DEFAULT_ADMIN_EMAIL = "admin@endow.local";

    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final Instant launchedAt;
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess gateway;
    private KafkaBroker broker;
    private MailDestination mail;
    private boolean mailToSink;
    private org.endow.stripestandin.StripeStandin stripeStandin;
    private String cardPayments = "off";
    private Postgres postgres;
    private final Map<String, Map<String, String>> launchEnvironments = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<ServiceProcess> restarting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private boolean stopped;

    Stack(Path root, Instant launchedAt) {
        this(root, launchedAt, root.resolve(".endow/data"));
    }

    /** A stack whose broker, embedded PostgreSQL, keys and secrets live in {@code dataDir}. */
    Stack(Path root, Instant launchedAt, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
        this.logDir = root.resolve(".endow/logs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        this.launchedAt = launchedAt;
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].equals("run")) {
            System.err.println("usage: Stack run");
            System.exit(2);
        }
        Instant launchedAt = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        Stack stack;
        try {
            stack = new Stack(RepoRoot.find(), launchedAt);
        } catch (IllegalStateException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stopAll();
                            stopped.countDown();
                        },
                        "endow-stack-stop"));
        try {
            stack.run();
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                LOG.error("The stack did not start: {}", e.getMessage()); // messages say what to do
            } else {
                LOG.error("The stack did not start", e);
            }
            System.exit(1); // the shutdown hook stops whatever did start
        }
        try {
            stopped.await(); // until Ctrl-C / SIGTERM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void run() {
        List<AppSpec> apps = new ArrayList<>();
        for (AppSpec app : APPS) {
            if (Files.isRegularFile(app.jar(root))) {
                apps.add(app);
            } else {
                LOG.warn("Skipping {}: {} not built", app.name(), root.relativize(app.jar(root)));
            }
        }
        Secrets secrets = Secrets.load(dataDir.resolve("secrets.properties"));
        KeyPairPem jwt = JwtKeys.loadOrCreate(dataDir.resolve("jwt"));
        LOG.info("Data in {}, logs in {}", dataDir, logDir);

        startInfrastructure();
        startMail();

        Map<AppSpec, Database> databases = new LinkedHashMap<>();
        for (AppSpec app : apps) {
            databases.put(app, postgres.provision(app.database(), secrets.getOrGenerate("db." + app.database())));
        }
        String adminEmail = envOr("ENDOW_ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL);
        String adminPassword = System.getenv("ENDOW_ADMIN_PASSWORD");
        if (adminPassword == null || adminPassword.isBlank()) {
            adminPassword = secrets.getOrGenerate("admin.password");
        }

        List<String> recording = appsRecordingAotCaches();
        if (!recording.isEmpty()) {
            LOG.info(
                    "First start of {} since their build: recording their start-up caches (.endow/aot, written at"
                            + " Ctrl-C), so this start is slower than the next ones",
                    recording);
        }
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        AppSpec gatewaySpec = null;
        for (AppSpec app : apps) {
            if (app.isGateway()) {
                gatewaySpec = app;
                continue;
            }
            Map<String, String> env = commonEnv(app, databases.get(app), jwt);
            if (app.name().equals("donations") || app.name().equals("sponsor-tiers")) {
                env.putAll(cardPaymentsEnv(secrets, gatewaySpecOf(apps)));
            }
            if (app.name().equals("sponsor-tiers")) {
                env.put(
                        "ENDOW_SPONSORS_PORTAL_URL",
                        "http://localhost:" + (gatewaySpecOf(apps) == null ? 8080 : portOf(gatewaySpecOf(apps))));
            }
            services.add(launch(app, env));
        }
        // the gateway needs only the services' addresses, not their answers: it starts beside them, so that two
        // cores are busy until the last application is up instead of one JVM starting alone at the end
        if (gatewaySpec != null) {
            Map<String, String> env = commonEnv(gatewaySpec, databases.get(gatewaySpec), jwt);
            env.put("ENDOW_JWT_PRIVATE_KEY", jwt.privateKeyPem());
            for (AppSpec app : apps) {
                if (!app.isGateway()) {
                    env.put("ENDOW_GATEWAY_ROUTES_" + app.envName() + "_URL", "http://127.0.0.1:" + portOf(app));
                }
            }
            env.put("ENDOW_ADMIN_EMAIL", adminEmail);
            // password reset links in mails point at the portal people use
            env.put(
                    "ENDOW_ACCOUNTS_PORTAL_URL",
                    envOr("ENDOW_ACCOUNTS_PORTAL_URL", "http://localhost:" + portOf(gatewaySpec)));
            // the demo admin signs in with a password; set ENDOW_ACCOUNTS_MFA_ENFORCED=true to try staff MFA
            env.put("ENDOW_ACCOUNTS_MFA_ENFORCED", envOr("ENDOW_ACCOUNTS_MFA_ENFORCED", "false"));
            env.put("ENDOW_ADMIN_PASSWORD", adminPassword);
            if (stripeStandin != null) {
                env.put("ENDOW_PORTAL_CHECKOUT_ORIGINS", stripeStandin.baseUrl().toString());
            }
            env.putAll(gatewayOverrides);
            gateway = launch(gatewaySpec, env);
        }
        awaitHealthy(running(), deadline);
        for (ServiceProcess app : running()) {
            watch(app);
        }
        String demo = seedDemoData();
        printSummary(adminEmail, adminPassword, demo);
    }

    private String seedDemoData() {
        if (gateway == null) {
            return "skipped (no gateway)";
        }
        try {
            return new DemoData("http://127.0.0.1:" + gateway.port()).seed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IOException | RuntimeException e) {
            LOG.warn("Demo data could not be made: {}", e.getMessage());
            return "failed: " + e.getMessage();
        }
    }

    private void startInfrastructure() {
        int kafkaPort = intEnv("ENDOW_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int controllerPort = intEnv("ENDOW_KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        CompletableFuture<KafkaBroker> brokerStart = CompletableFuture.supplyAsync(() -> KafkaBroker.builder()
                .dataDir(dataDir.resolve("kafka"))
                .logFile(logDir.resolve("kafka.log"))
                .port(kafkaPort)
                .controllerPort(controllerPort)
                .build()
                .start());
        RuntimeException failure = null;
        try {
            postgres = Postgres.externalFromEnvironment()
                    .orElseGet(() -> Postgres.embedded(
                            dataDir.resolve("postgres"),
                            intEnv("ENDOW_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                            true,
                            logDir.resolve("postgres.log")));
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            broker = brokerStart.join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Decides once where the services' mail goes: a real SMTP server named by {@code ENDOW_MAIL_SMTP_HOST}; else the
     * bench's sink when asked ({@link #sendMailToSink}); else the stack's own mail server, whose inbox a person reads
     * in the browser.
     */
    private void startMail() {
        String host = System.getenv("ENDOW_MAIL_SMTP_HOST");
        if (host != null) {
            mail = new MailDestination.External(host);
        } else if (mailToSink) {
            mail = new MailDestination.Sink(MailSink.start(0));
        } else {
            mail = new MailDestination.Local(LocalMailServer.start(
                    intEnv("ENDOW_MAIL_SMTP_PORT", 3025), intEnv("ENDOW_MAIL_VIEWER_PORT", 8025)));
        }
        LOG.info("Mail goes to {}", mail.describe());
    }

    private static AppSpec gatewaySpecOf(List<AppSpec> apps) {
        return apps.stream().filter(AppSpec::isGateway).findFirst().orElse(null);
    }

    /**
     * Card payments for the donations service: a real Stripe key from the environment ({@code
     * ENDOW_STRIPE_API_KEY} and {@code ENDOW_STRIPE_WEBHOOK_SECRET}, Stripe sends its webhooks to the
     * portal's {@code /api/donations/stripe/webhook}); otherwise the local Stripe stand-in, whose
     * checkout page charges nothing ({@code ENDOW_STRIPE_STANDIN=false}: no card payments, pledges by
     * bank transfer or cheque only).
     */
    private Map<String, String> cardPaymentsEnv(Secrets secrets, AppSpec gatewaySpec) {
        Map<String, String> env = new LinkedHashMap<>();
        String portal = "http://localhost:" + (gatewaySpec == null ? 8080 : portOf(gatewaySpec));
        env.put("ENDOW_DONATIONS_CHECKOUT_PORTAL_URL", envOr("ENDOW_DONATIONS_CHECKOUT_PORTAL_URL", portal));
        if (System.getenv("ENDOW_STRIPE_API_KEY") != null) {
            for (String name :
                    List.of("ENDOW_STRIPE_API_KEY", "ENDOW_STRIPE_WEBHOOK_SECRET", "ENDOW_STRIPE_API_BASE")) {
                if (System.getenv(name) != null) {
                    env.put(name, System.getenv(name));
                }
            }
            cardPayments = "Stripe (key from ENDOW_STRIPE_API_KEY)";
            return env;
        }
        if ("false".equals(System.getenv("ENDOW_STRIPE_STANDIN"))) {
            return env;
        }
        String key = "sk_test_standin_" + secrets.getOrGenerate("stripe-standin.api-key");
        String secret = "whsec_" + secrets.getOrGenerate("stripe-standin.webhook-secret");
        if (stripeStandin != null) {
            env.put("ENDOW_STRIPE_API_KEY", key);
            env.put("ENDOW_STRIPE_WEBHOOK_SECRET", secret);
            env.put("ENDOW_STRIPE_API_BASE", stripeStandin.baseUrl().toString());
            return env;
        }
        try {
            stripeStandin = org.endow.stripestandin.StripeStandin.start(
                    intEnv("ENDOW_STRIPE_STANDIN_PORT", 12111),
                    key,
                    secret,
                    java.net.URI.create(portal.replace("localhost", "127.0.0.1") + "/api/donations/stripe/webhook"));
            // one Stripe account, two webhook endpoints: each service acknowledges the other's events
            stripeStandin.addWebhookUrl(
                    java.net.URI.create(portal.replace("localhost", "127.0.0.1") + "/api/sponsors/stripe/webhook"));
        } catch (IOException e) {
            throw new UncheckedIOException("the Stripe stand-in could not start", e);
        }
        env.put("ENDOW_STRIPE_API_KEY", key);
        env.put("ENDOW_STRIPE_WEBHOOK_SECRET", secret);
        env.put("ENDOW_STRIPE_API_BASE", stripeStandin.baseUrl().toString());
        cardPayments = "Stripe stand-in " + stripeStandin.baseUrl() + " (its checkout page charges nothing)";
        return env;
    }

    private Map<String, String> commonEnv(AppSpec app, Database database, KeyPairPem jwt) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(portOf(app)));
        env.put("DATASOURCES_DEFAULT_URL", database.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", database.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("ENDOW_JWT_PUBLIC_KEY", jwt.publicKeyPem());
        if (mail != null) {
            mail.localSmtpPort().ifPresent(port -> {
                env.put("ENDOW_MAIL_SMTP_HOST", "127.0.0.1");
                env.put("ENDOW_MAIL_SMTP_PORT", Integer.toString(port));
            });
        }
        return env;
    }

    private void watch(ServiceProcess app) {
        app.process().onExit().thenRun(() -> {
            if (!stopping && !restarting.contains(app)) {
                LOG.error(
                        "{} exited unexpectedly (code {}); see {}",
                        app.name(),
                        app.process().exitValue(),
                        app.logFile());
            }
        });
    }

    /**
     * Stops one application and starts it again alone, with the environment it was first given, and waits until it
     * is healthy: how long one application takes to start when it does not share the machine with five others
     * starting at the same time (the bench's start-up figures).
     */
    synchronized ServiceProcess restartAlone(String name) {
        ServiceProcess old = running().stream()
                .filter(app -> app.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No application " + name + " is running"));
        AppSpec spec =
                APPS.stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow();
        restarting.add(old);
        old.stop();
        ServiceProcess started = launch(spec, launchEnvironments.get(name));
        if (old == gateway) {
            gateway = started;
        } else {
            services.set(services.indexOf(old), started);
        }
        watch(started);
        awaitHealthy(List.of(started), Instant.now().plus(READY_TIMEOUT));
        return started;
    }

    private static boolean aotEnabled() {
        return !"false".equals(System.getenv("ENDOW_AOT")) && Runtime.version().feature() >= 25;
    }

    private Path aotCacheOf(AppSpec app) {
        return root.resolve(".endow/aot").resolve(app.name() + ".aot").toAbsolutePath();
    }

    /**
     * The built applications whose AOT cache is missing or was recorded with another class path: the next start
     * records their caches, and starts slower for it.
     */
    List<String> appsRecordingAotCaches() {
        if (!aotEnabled()) {
            return List.of();
        }
        List<String> stale = new ArrayList<>();
        for (AppSpec app : APPS) {
            Path jar = app.jar(root);
            try {
                if (Files.isRegularFile(jar) && !ServiceProcess.Builder.aotCacheFresh(jar, aotCacheOf(app))) {
                    stale.add(app.name());
                }
            } catch (java.io.IOException e) {
                stale.add(app.name());
            }
        }
        return stale;
    }

    private ServiceProcess launch(AppSpec app, Map<String, String> env) {
        launchEnvironments.put(app.name(), Map.copyOf(env));
        LOG.info("Starting {} on port {}", app.name(), portOf(app));
        ServiceProcess.Builder builder = ServiceProcess.builder(app.name(), app.jar(root))
                .port(portOf(app))
                .env(env)
                .logFile(logDir.resolve(app.name() + ".log"));
        if (aotEnabled()) {
            // the first run after a build records the cache (written at Ctrl-C); later runs start from it
            builder.aotCache(aotCacheOf(app));
        }
        return builder.start();
    }

    private static void awaitHealthy(List<ServiceProcess> apps, Instant deadline) {
        List<CompletableFuture<ServiceProcess>> waits = apps.stream()
                .map(app -> CompletableFuture.supplyAsync(
                        () -> app.awaitHealthy(Duration.between(Instant.now(), deadline))))
                .toList();
        List<RuntimeException> failures = new ArrayList<>();
        for (CompletableFuture<ServiceProcess> wait : waits) {
            try {
                wait.join();
            } catch (CompletionException e) {
                failures.add(e.getCause() instanceof RuntimeException r ? r : e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            failures.stream().skip(1).forEach(f -> LOG.error(f.getMessage())); // the first is reported by main
            throw first;
        }
    }

    /** Extra environment for the gateway (the benchmark lifts the per-address rate limits). */
    private final Map<String, String> gatewayOverrides = new LinkedHashMap<>();

    void overrideGatewayEnvironment(Map<String, String> overrides) {
        gatewayOverrides.putAll(overrides);
    }

    /**
     * The services' mail goes to a {@link MailSink} instead of the local mail server (the bench: the mail provider is
     * not on the measured machine in production). Without {@code ENDOW_MAIL_SMTP_HOST} only; call before {@link #run}.
     */
    void sendMailToSink() {
        mailToSink = true;
    }

    /** Mails the sink accepted so far; empty without a sink (mail went to the local mail server or to a real one). */
    OptionalLong mailsAccepted() {
        return mail instanceof MailDestination.Sink sink
                ? OptionalLong.of(sink.sink().accepted())
                : OptionalLong.empty();
    }

    Postgres postgres() {
        return postgres;
    }

    KafkaBroker broker() {
        return broker;
    }

    Path root() {
        return root;
    }

    /** The applications started, for the benchmark's report. */
    List<ServiceProcess> applications() {
        return running();
    }

    private List<ServiceProcess> running() {
        List<ServiceProcess> all = new ArrayList<>(services);
        if (gateway != null) {
            all.add(gateway);
        }
        return all;
    }

    private void printSummary(String adminEmail, String adminPassword, String demo) {
        StringBuilder out = new StringBuilder();
        out.append("\n==================== Endow is running ====================\n");
        if (gateway != null) {
            out.append("  Portal:          http://localhost:")
                    .append(gateway.port())
                    .append("/\n");
        } else {
            out.append("  Portal:          (gateway not built)\n");
        }
        out.append("  Admin:           ")
                .append(adminEmail)
                .append(" / ")
                .append(adminPassword)
                .append('\n');
        out.append("  Demo data:       ").append(demo).append('\n');
        out.append("  Mail:            ").append(mail.describe()).append('\n');
        out.append("  Card payments:   ").append(cardPayments).append('\n');
        out.append("  Kafka:           ").append(broker.bootstrapServers()).append('\n');
        out.append("  PostgreSQL:      ").append(postgres.adminJdbcUrl()).append('\n');
        out.append("  Logs:            ").append(logDir).append('\n');
        out.append("  Data:            ").append(dataDir).append(" (secrets in secrets.properties)\n");
        for (ServiceProcess app : running()) {
            out.append(String.format(
                    "  %-16s http://127.0.0.1:%d  started in %5.1f s  RSS %4d MiB  pid %d%n",
                    app.name() + ":",
                    app.port(),
                    app.startToHealthy().orElse(Duration.ZERO).toMillis() / 1000.0,
                    app.rssKb().orElse(0) / 1024,
                    app.pid()));
        }
        out.append(String.format(
                "  Ready in %.1f s from launch. Ctrl-C stops everything.%n",
                Duration.between(launchedAt, Instant.now()).toMillis() / 1000.0));
        out.append("==========================================================\n");
        System.out.print(out);
        System.out.flush();
    }

    /** The local Stripe stand-in, when this stack started one. */
    java.util.Optional<org.endow.stripestandin.StripeStandin> stripeStandin() {
        return java.util.Optional.ofNullable(stripeStandin);
    }

    /**
     * Gateway, then the services, then the broker, then PostgreSQL; every step runs even if one before fails. Once:
     * a second call (a shutdown hook after a normal end) does nothing.
     */
    synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopping = true;
        List<Runnable> steps = new ArrayList<>();
        if (gateway != null) {
            steps.add(() -> {
                LOG.info("Stopping gateway");
                gateway.stop();
            });
        }
        if (!services.isEmpty()) {
            steps.add(() -> {
                LOG.info(
                        "Stopping {}",
                        services.stream().map(ServiceProcess::name).toList());
                services.parallelStream().forEach(ServiceProcess::stop);
            });
        }
        if (mail != null) {
            steps.add(mail::close);
        }
        if (stripeStandin != null) {
            steps.add(stripeStandin::close);
        }
        if (broker != null) {
            steps.add(() -> {
                LOG.info("Stopping Kafka");
                broker.stop();
            });
        }
        if (postgres != null) {
            steps.add(() -> {
                LOG.info("Stopping PostgreSQL");
                postgres.stop();
            });
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("While stopping: {}", e.toString());
            }
        }
        LOG.info("Stopped");
    }

    /** The app's port: {@code ENDOW_<NAME>_PORT} (e.g. ENDOW_DONATIONS_PORT) when set, else its default. */
    static int portOf(AppSpec app) {
        return intEnv("ENDOW_" + app.envName() + "_PORT", app.port());
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a port number, not '" + value + "'", e);
        }
    }
}
