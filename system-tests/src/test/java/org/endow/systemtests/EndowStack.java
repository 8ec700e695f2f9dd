package org.endow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.RepoRoot;
import org.endow.devstack.ServiceProcess;
import org.endow.devstack.TestInfra;

/**
 * The applications as separate processes, from their packaged jars, each with a fresh database of
 * its own, against a given Kafka broker: the same shape as production.
 */
final class EndowStack implements AutoCloseable {

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(90);
    static final String ADMIN_EMAIL = "admin@endow.test";
    static final String ADMIN_PASSWORD = "system-test-admin-password";

    private final String kafka;
    private final KeyPairPem keys = TestInfra.get().jwtKeys();
    private final Path logDir;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<String, ServiceProcess> byName = new HashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();

    EndowStack(String kafkaBootstrapServers, String name) {
        this.kafka = kafkaBootstrapServers;
        this.logDir = RepoRoot.find().resolve("system-tests/target/stack-logs/" + name);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services every stack has: the ones the gateway's portal cannot do without. */
    static final List<String> CORE_SERVICES = List.of("funds", "donations");

    static EndowStack start(String kafkaBootstrapServers, String name) {
        return start(kafkaBootstrapServers, name, List.of());
    }

    /**
     * Starts the core services, the {@code extraServices} (module directories under {@code services/}, e.g. {@code
     * "sponsor-tiers"}) and the gateway routed to all of them. Each service gets its own fresh database.
     */
    static EndowStack start(String kafkaBootstrapServers, String name, List<String> extraServices) {
        return start(kafkaBootstrapServers, name, extraServices, Map.of());
    }

    /**
     * As {@link #start(String, String, List)}, with extra environment per application (key: service module name or
     * {@code "gateway"}), e.g. the SMTP port of a test mail server or the URL of the Stripe stand-in.
     */
    static EndowStack start(
            String kafkaBootstrapServers,
            String name,
            List<String> extraServices,
            Map<String, Map<String, String>> extraEnvironment) {
        return start(kafkaBootstrapServers, name, extraServices, extraEnvironment, (service, url) -> url);
    }

    /**
     * As above; {@code databaseUrl} gives each application the JDBC URL to use for its fresh database (e.g. through a
     * {@link FaultyLink}).
     */
    static EndowStack start(
            String kafkaBootstrapServers,
            String name,
            List<String> extraServices,
            Map<String, Map<String, String>> extraEnvironment,
            java.util.function.BiFunction<String, String, String> databaseUrl) {
        EndowStack stack = new EndowStack(kafkaBootstrapServers, name);
        stack.databaseUrl = databaseUrl;
        stack.extraEnvironment.putAll(extraEnvironment);
        try {
            List<String> services = new ArrayList<>(CORE_SERVICES);
            services.addAll(extraServices);
            List<ServiceProcess> started = new ArrayList<>();
            for (String service : services) {
                started.add(stack.launch(service, "services/" + service, stack.serviceEnvironment(service)));
            }
            Map<String, String> gatewayEnv = new HashMap<>();
            gatewayEnv.put("ENDOW_JWT_PRIVATE_KEY", stack.keys.privateKeyPem());
            for (int i = 0; i < services.size(); i++) {
                started.get(i).awaitHealthy(HEALTHY_WITHIN);
                gatewayEnv.put(
                        "ENDOW_GATEWAY_ROUTES_" + routeOf(services.get(i)).toUpperCase(java.util.Locale.ROOT) + "_URL",
                        started.get(i).baseUrl());
            }
            // every request of a test comes from 127.0.0.1: the limits are proven in the gateway's RateLimitIT
            for (String limit : List.of("SIGNIN", "SIGNUP", "DONATE")) {
                gatewayEnv.put("ENDOW_GATEWAY_RATELIMITS_" + limit + "_REQUESTS", "1000000");
            }
            // staff sign in with a password only here; two-factor sign-in is proven in the gateway's RoutingIT
            gatewayEnv.put("ENDOW_ACCOUNTS_MFA_ENFORCED", "false");
            gatewayEnv.put("ENDOW_ADMIN_EMAIL", ADMIN_EMAIL);
            gatewayEnv.put("ENDOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
            gatewayEnv.putAll(stack.serviceEnvironment("gateway"));
            stack.launch("gateway", "gateway", gatewayEnv).awaitHealthy(HEALTHY_WITHIN);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The gateway serves {@code /api/<route>/**} from the service: one word, so that env names map cleanly. */
    static String routeOf(String service) {
        return switch (service) {
            case "sponsor-tiers" -> "sponsors";
            case "grant-proposals" -> "grants";
            case "fellow-nominations" -> "fellows";
            default -> service;
        };
    }

    /** Extra environment for one application (SMTP, Stripe stand-in, ...); empty unless a test configured it. */
    private final Map<String, Map<String, String>> extraEnvironment = new HashMap<>();

    private java.util.function.BiFunction<String, String, String> databaseUrl = (service, url) -> url;

    private Map<String, String> serviceEnvironment(String service) {
        return extraEnvironment.getOrDefault(service, Map.of());
    }

    private ServiceProcess launch(String name, String moduleDir, Map<String, String> extra) {
        Database db = TestInfra.get().freshDatabase(name.replace('-', '_'));
        Map<String, String> env = new HashMap<>();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(freePort()));
        env.put("DATASOURCES_DEFAULT_URL", databaseUrl.apply(name, db.jdbcUrl()));
        env.put("DATASOURCES_DEFAULT_USERNAME", db.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", db.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("ENDOW_JWT_PUBLIC_KEY", keys.publicKeyPem());
        env.putAll(extra);
        environments.put(name, env);
        return startProcess(name, moduleDir, env);
    }

    private ServiceProcess startProcess(String name, String moduleDir, Map<String, String> env) {
        Path jar =
                ServiceProcess.jarOf(RepoRoot.find(), moduleDir, moduleDir.substring(moduleDir.lastIndexOf('/') + 1));
        ServiceProcess process = ServiceProcess.builder(name, jar)
                .port(Integer.parseInt(env.get("MICRONAUT_SERVER_PORT")))
                .env(env)
                .logFile(logDir.resolve(name + "-" + System.nanoTime() + ".log"))
                .start();
        processes.add(process);
        byName.put(name, process);
        return process;
    }

    /** Kills the application with SIGKILL and starts it again on the same port and database. */
    void crashAndRestart(String name, String moduleDir) {
        byName.get(name).kill();
        startProcess(name, moduleDir, environments.get(name)).awaitHealthy(HEALTHY_WITHIN);
    }

    String gatewayUrl() {
        return byName.get("gateway").baseUrl();
    }

    ServiceProcess process(String name) {
        return byName.get(name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
