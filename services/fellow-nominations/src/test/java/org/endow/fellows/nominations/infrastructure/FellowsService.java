package org.endow.fellows.nominations.infrastructure;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;

/** The service on a fresh database of the real PostgreSQL, the real Kafka and a clock the test moves. */
final class FellowsService {

    private FellowsService() {}

    /** Started with the deadline job off (tests close votes themselves) and {@code extra} settings on top. */
    static ApplicationContext start(Database db, Clock clock, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.ofEntries(
                Map.entry("datasources.default.url", db.jdbcUrl()),
                Map.entry("datasources.default.username", db.username()),
                Map.entry("datasources.default.password", db.password()),
                Map.entry("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers()),
                Map.entry("endow.messaging.service", "fellows-it-" + UUID.randomUUID()),
                Map.entry("endow.messaging.consumer-enabled", false),
                Map.entry("endow.fellows.deadlines-enabled", false),
                Map.entry("endow.fellows.portal-url", "https://portal.test"),
                Map.entry("micronaut.server.port", -1),
                Map.entry("endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem())));
        properties.putAll(extra);
        return ApplicationContext.builder()
                .properties(properties)
                .singletons(clock)
                .start();
    }
}
