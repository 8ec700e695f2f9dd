package org.endow.gateway.accounts.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A gateway database made before the gateway sent mail (its own migrations up to V11, none of the platform's) is
 * upgraded by the next start: the platform's tables come once, out of order, then V12, and the gateway serves.
 */
class GatewayUpgradeIT {

    @Test
    void a_database_made_before_the_platform_tables_gets_them_on_the_next_start() throws Exception {
        Database db = TestInfra.get().freshDatabase("gateway_upgrade");
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .target("11")
                .load()
                .migrate();
        assertEquals(0, count(db, "select count(*) from information_schema.tables where table_name = 'mail_outbox'"));

        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "upgrade test admin password");
        p.put("micronaut.server.port", -1);
        try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, p)) {
            assertEquals(true, gateway.isRunning());
        }

        assertEquals(1, count(db, "select count(*) from information_schema.tables where table_name = 'mail_outbox'"));
        assertEquals(
                1, count(db, "select count(*) from information_schema.tables where table_name = 'password_reset'"));
        assertEquals(
                0,
                count(db, "select count(*) from flyway_schema_history where not success"),
                "every migration applied");
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
