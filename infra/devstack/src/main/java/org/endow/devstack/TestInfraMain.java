package org.endow.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the Kafka broker and PostgreSQL server that every test JVM of one {@code ./endow test} run shares, under
 * {@code <repoRoot>/target/test-infra/run} (emptied first), and writes a file for the shell to source:
 *
 * <pre>java ... org.endow.devstack.TestInfraMain target/test-infra/env.sh</pre>
 *
 * <p>Prints {@code test infrastructure ready} once the file is written, then runs until its standard input closes or
 * it gets SIGTERM / SIGINT, and stops both servers.
 */
public final class TestInfraMain {

    public static final String READY = "test infrastructure ready";

    private TestInfraMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TestInfraMain <env file to write>");
            System.exit(2);
        }
        Path envFile = Path.of(args[0]).toAbsolutePath();
        Path dir = RepoRoot.find().resolve("target/test-infra/run");
        Processes.deleteRecursively(dir);

        CompletableFuture<KafkaBroker> brokerStart = CompletableFuture.supplyAsync(() -> KafkaBroker.builder()
                .dataDir(dir.resolve("kafka"))
                .logFile(dir.resolve("kafka.log"))
                .build()
                .start());
        Postgres postgres;
        try {
            postgres = Postgres.embedded(dir.resolve("postgres"), 0, false, dir.resolve("postgres.log"));
        } catch (RuntimeException e) {
            stopQuietlyAfterFailure(brokerStart, e);
            throw e;
        }
        KafkaBroker broker;
        try {
            broker = brokerStart.join();
        } catch (CompletionException e) {
            postgres.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Thread stopper = new Thread(
                () -> {
                    try {
                        broker.stop();
                    } finally {
                        postgres.stop();
                    }
                    System.out.println("test infrastructure stopped");
                },
                "endow-test-infra-stop");
        Runtime.getRuntime().addShutdownHook(stopper);

        String env = "# written by org.endow.devstack.TestInfraMain; source it\n"
                + export(TestInfra.KAFKA_BOOTSTRAP, broker.bootstrapServers())
                + export(TestInfra.PG_ADMIN_URL, postgres.adminJdbcUrl())
                + export(TestInfra.PG_ADMIN_USER, postgres.adminUser())
                + export(TestInfra.PG_ADMIN_PASSWORD, postgres.adminPassword());
        FilePermissions.writePrivate(envFile, env);
        System.out.println(READY + ": Kafka " + broker.bootstrapServers() + " (pid " + broker.pid() + "), PostgreSQL "
                + postgres.adminJdbcUrl() + ", env file " + envFile);
        System.out.flush();

        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // anything written is ignored: only the end of the input matters
        }
        System.exit(0); // runs the shutdown hook
    }

    private static void stopQuietlyAfterFailure(CompletableFuture<KafkaBroker> brokerStart, RuntimeException cause) {
        try {
            brokerStart.join().stop();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static String export(String name, String value) {
        return "export " + name + "='" + value.replace("'", "'\\''") + "'\n";
    }
}
