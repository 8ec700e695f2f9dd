package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.endow.devstack.Database;
import org.endow.devstack.RepoRoot;
import org.endow.devstack.ServiceProcess;
import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.Test;

/** A service that cannot reach its database or the broker says so in one line and exits non-zero. */
class StartupFailureIT {

    @Test
    void without_its_database_a_service_exits_with_one_clear_line() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/donations");
        env.put("DATASOURCES_DEFAULT_USERNAME", "donations");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "x");

        List<String> lines = startAndAwaitExit("no-database", env);

        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("donations: cannot start: PostgreSQL not reachable at jdbc:")),
                String.join("\n", lines));
    }

    @Test
    void without_the_broker_a_service_exits_with_one_clear_line() throws Exception {
        Database db = TestInfra.get().freshDatabase("startup_failure");
        Map<String, String> env = baseEnv();
        env.put("DATASOURCES_DEFAULT_URL", db.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", db.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", db.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort());
        env.put("ENDOW_MESSAGING_STARTUP_TIMEOUT", "3s");

        List<String> lines = startAndAwaitExit("no-broker", env);

        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.startsWith("donations: cannot start: Kafka broker not reachable at 127.0.0.1:")),
                String.join("\n", lines));
    }

    private static Map<String, String> baseEnv() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(closedPort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfra.get().kafkaBootstrapServers());
        env.put("ENDOW_JWT_PUBLIC_KEY", TestInfra.get().jwtKeys().publicKeyPem());
        return env;
    }

    private static List<String> startAndAwaitExit(String name, Map<String, String> env) throws Exception {
        Path log = RepoRoot.find().resolve("system-tests/target/stack-logs/startup-failure/" + name + ".log");
        Files.deleteIfExists(log);
        ServiceProcess process = ServiceProcess.builder(
                        "donations", ServiceProcess.jarOf(RepoRoot.find(), "services/donations", "donations"))
                .port(Integer.parseInt(env.get("MICRONAUT_SERVER_PORT")))
                .env(env)
                .logFile(log)
                .start();
        try {
            assertTrue(process.process().waitFor(60, TimeUnit.SECONDS), "the service should give up, not hang");
            assertEquals(1, process.process().exitValue());
            return Files.readAllLines(log);
        } finally {
            process.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
