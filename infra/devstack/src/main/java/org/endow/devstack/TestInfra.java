package org.endow.devstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker and one PostgreSQL server per test run, shared by every test class of the JVM.
 *
 * <p>When {@value #KAFKA_BOOTSTRAP} and {@value #PG_ADMIN_URL} (with {@value #PG_ADMIN_USER}, {@value
 * #PG_ADMIN_PASSWORD}) are set as system properties or environment variables, as {@code ./endow test} does for the
 * whole Maven run, those servers are used. Otherwise this JVM starts its own, under {@code
 * <repoRoot>/target/test-infra/<pid>}, and stops them when it exits.
 */
public final class TestInfra {

    public static final String KAFKA_BOOTSTRAP = "ENDOW_TEST_KAFKA_BOOTSTRAP";
    public static final String PG_ADMIN_URL = "ENDOW_TEST_PG_ADMIN_URL";
    public static final String PG_ADMIN_USER = "ENDOW_TEST_PG_ADMIN_USER";
    public static final String PG_ADMIN_PASSWORD = "ENDOW_TEST_PG_ADMIN_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(TestInfra.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static TestInfra instance;
    private static RuntimeException failure;

    private final KafkaBroker broker;
    private final String kafkaBootstrapServers;
    private final Postgres postgres;
    private final Path ownDir;
    private KeyPairPem jwtKeys;

    private TestInfra(KafkaBroker broker, String kafkaBootstrapServers, Postgres postgres, Path ownDir) {
        this.broker = broker;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
        this.ownDir = ownDir;
    }

    /**
     * The infrastructure of this JVM, started on first use. A failure to start is remembered and thrown again to
     * every later caller rather than retried.
     */
    public static synchronized TestInfra get() {
        if (failure != null) {
            throw new IllegalStateException(
                    "Test infrastructure failed to start earlier: " + failure.getMessage(), failure);
        }
        if (instance == null) {
            try {
                instance = create();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    private static TestInfra create() {
        String bootstrap = setting(KAFKA_BOOTSTRAP);
        String pgUrl = setting(PG_ADMIN_URL);
        Postgres externalPostgres = null;
        if (pgUrl != null) {
            String user = setting(PG_ADMIN_USER);
            String password = setting(PG_ADMIN_PASSWORD);
            externalPostgres =
                    Postgres.external(pgUrl, user == null ? "postgres" : user, password == null ? "" : password);
        }
        if (bootstrap != null && externalPostgres != null) {
            LOG.info("Using the test infrastructure of this run: Kafka {}, PostgreSQL {}", bootstrap, pgUrl);
            return new TestInfra(null, bootstrap, externalPostgres, null);
        }

        Path dir = RepoRoot.find()
                .resolve("target/test-infra")
                .resolve(Long.toString(ProcessHandle.current().pid()));
        Processes.deleteRecursively(dir);
        CompletableFuture<KafkaBroker> brokerStart = bootstrap != null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> KafkaBroker.builder()
                        .dataDir(dir.resolve("kafka"))
                        .build()
                        .start());
        Postgres postgres;
        KafkaBroker broker;
        try {
            postgres = externalPostgres != null
                    ? externalPostgres
                    : Postgres.embedded(dir.resolve("postgres"), 0, false, dir.resolve("postgres.log"));
        } catch (RuntimeException e) {
            try {
                KafkaBroker started = brokerStart.join();
                if (started != null) {
                    started.stop();
                }
            } catch (RuntimeException brokerFailure) {
                e.addSuppressed(brokerFailure);
            }
            throw e;
        }
        try {
            broker = brokerStart.join();
        } catch (CompletionException e) {
            postgres.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        TestInfra infra = new TestInfra(broker, broker != null ? broker.bootstrapServers() : bootstrap, postgres, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::shutdown, "endow-test-infra-stop"));
        LOG.info(
                "Test infrastructure of this JVM: Kafka {}, PostgreSQL {}",
                infra.kafkaBootstrapServers,
                postgres.adminJdbcUrl());
        return infra;
    }

    private void shutdown() {
        RuntimeException first = null;
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            postgres.stop();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            throw first;
        }
        if (ownDir != null) {
            Processes.deleteRecursively(ownDir);
        }
    }

    /** {@code host:port} of the Kafka broker. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /**
     * A brand-new database and owning role named {@code <prefix>_<8 random characters>}, so that no two test classes
     * share state.
     *
     * @param prefix turned into a lower-case SQL identifier (other characters become underscores)
     */
    public Database freshDatabase(String prefix) {
        String base = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "t_" + base;
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        StringBuilder name = new StringBuilder(base).append('_');
        for (int i = 0; i < 8; i++) {
            name.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return postgres.provision(name.toString(), Secrets.randomPassword(24));
    }

    /** One RSA key pair for the whole JVM. */
    public synchronized KeyPairPem jwtKeys() {
        if (jwtKeys == null) {
            jwtKeys = JwtKeys.generate();
        }
        return jwtKeys;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** The broker this JVM started, or null when it uses the broker of the whole run. */
    public KafkaBroker broker() {
        return broker;
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
