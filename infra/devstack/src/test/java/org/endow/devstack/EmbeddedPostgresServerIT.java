package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The local stack's PostgreSQL answers a commit only once it is on disk, as production's does. */
class EmbeddedPostgresServerIT {

    @Test
    void commitsAreDurableWhenAnswered() throws Exception {
        Path dataDir = Files.createTempDirectory("endow-embedded-pg");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir.resolve("postgres"), 0, false, null);
        server.start();
        try (Connection connection =
                        DriverManager.getConnection(server.adminJdbcUrl(), server.adminUser(), server.adminPassword());
                Statement statement = connection.createStatement()) {
            // the embedded server's library starts PostgreSQL with -F (fsync=off) and synchronous_commit=off
            assertEquals("on", setting(statement, "fsync"));
            assertEquals("on", setting(statement, "synchronous_commit"));
        } finally {
            server.stop();
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
