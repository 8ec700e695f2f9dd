package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import java.time.Duration;
import java.util.Map;
import org.endow.devstack.TestInfra;
import org.endow.platform.app.StartupFailure;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Messaging starts on its own thread; the health says DOWN until the relay and the inbox run. */
class MessagingStartupIT {

    @Test
    void messaging_is_up_once_the_relay_and_the_inbox_run() {
        try (ApplicationContext context = ApplicationContext.run(
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers()))) {
            MessagingHealthIndicator health = context.getBean(MessagingHealthIndicator.class);

            context.getBean(MessagingStartup.class).awaitReady();

            assertEquals(HealthStatus.UP, status(health));
        }
    }

    @Test
    void without_a_broker_messaging_stays_down_and_the_start_is_refused_in_one_line() {
        Map<String, Object> properties = MessagingScenarios.properties("127.0.0.1:1");
        properties.put("endow.messaging.startup-timeout", "1s");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            MessagingHealthIndicator health = context.getBean(MessagingHealthIndicator.class);
            assertEquals(HealthStatus.DOWN, status(health));

            StartupFailure failure = assertThrows(
                    StartupFailure.class,
                    () -> context.getBean(MessagingStartup.class).awaitReady());

            assertTrue(
                    failure.getMessage().startsWith("Kafka broker not reachable at 127.0.0.1:1"), failure.getMessage());
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> status(health) == HealthStatus.DOWN);
        }
    }

    @Test
    void a_poll_interval_shorter_than_a_poll_can_take_refuses_the_start_in_one_line() {
        Map<String, Object> properties =
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("endow.messaging.consumer-poll-budget", "60s");
        properties.put("endow.messaging.consumer-max-poll-interval", "61s");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            MessagingHealthIndicator health = context.getBean(MessagingHealthIndicator.class);

            StartupFailure failure = assertThrows(
                    StartupFailure.class,
                    () -> context.getBean(MessagingStartup.class).awaitReady());

            assertTrue(
                    failure.getMessage().startsWith("endow.messaging.consumer-max-poll-interval is PT1M1S but a poll"),
                    failure.getMessage());
            assertEquals(HealthStatus.DOWN, status(health));
        }
    }

    private static HealthStatus status(MessagingHealthIndicator health) {
        return Mono.from(health.getResult()).block().getStatus();
    }
}
