package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DevstackIT {

    private final TestInfra infra = TestInfra.get();

    @Test
    void freshDatabasesAreSeparate() throws SQLException {
        Database first = infra.freshDatabase("devstack_it");
        Database second = infra.freshDatabase("devstack_it");
        assertNotEquals(first.username(), second.username());
        assertTrue(first.username().matches("devstack_it_[a-z0-9]{8}"), first.username());

        try (Connection connection = connect(first);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id int PRIMARY KEY)");
            statement.execute("INSERT INTO marker VALUES (1)");
            try (ResultSet rows = statement.executeQuery("SELECT current_database(), current_user")) {
                rows.next();
                assertEquals(first.username(), rows.getString(1));
                assertEquals(first.username(), rows.getString(2));
            }
        }
        try (Connection connection = connect(second);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "the second database must not see the first one's table");
        }
        SQLException denied = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(second.jdbcUrl(), first.username(), first.password())
                        .close());
        assertEquals("42501", denied.getSQLState(), "a role may connect only to its own database: " + denied);
    }

    @Test
    void provisioningIsIdempotentAndUpdatesThePassword() throws SQLException {
        Database created = infra.freshDatabase("devstack_it");
        Database again = infra.postgres().provision(created.username(), "changed'password");
        assertEquals(created.jdbcUrl(), again.jdbcUrl());
        try (Connection connection = connect(again)) {
            assertTrue(connection.isValid(2));
        }
    }

    /** Uses a broker of its own: the shared one may belong to ./endow test and must not die. */
    @Test
    void brokerSurvivesKillAndRestart() throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory(
                Files.createDirectories(RepoRoot.find().resolve("infra/devstack/target")), "kill-restart-broker");
        try (KafkaBroker broker = KafkaBroker.builder().dataDir(dir).build().start()) {
            killAndRestart(broker);
        }
    }

    private static void killAndRestart(KafkaBroker broker) throws IOException {
        assertTrue(answers(broker.port()));
        long firstPid = broker.pid();

        broker.kill();
        assertTrue(!broker.isRunning()
                && !ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));

        broker.restart();
        assertNotEquals(firstPid, broker.pid());
        assertTrue(answers(broker.port()));
        long started = Files.readAllLines(broker.logFile()).stream()
                .filter(line -> line.contains("Kafka Server started"))
                .count();
        assertEquals(2, started, "one start line per start in " + broker.logFile());
        assertTrue(Files.exists(broker.dataDir().resolve("kraft-logs/meta.properties")));
    }

    @Test
    void jwtKeysArePemAndStableForTheJvm() {
        KeyPairPem keys = infra.jwtKeys();
        assertTrue(keys.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(keys.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(keys, infra.jwtKeys());
        assertEquals(2048, JwtKeys.publicKey(keys.publicKeyPem()).getModulus().bitLength());
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static boolean answers(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        }
    }
}
