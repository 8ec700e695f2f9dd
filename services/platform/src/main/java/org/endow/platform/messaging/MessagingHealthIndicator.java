package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * DOWN until the relay and the inbox run (they start beside the rest of the service, see {@link MessagingStartup}), and
 * DOWN again, with the reason, when the thread of either has ended (an {@link Error}): the service then neither
 * publishes nor consumes, and must not look healthy.
 */
@Singleton
@Requires(property = "endow.messaging.service")
@Requires(classes = HealthIndicator.class)
class MessagingHealthIndicator implements HealthIndicator {

    private final MessagingStartup startup;
    private final OutboxRelay relay;
    private final InboxConsumer inbox;

    MessagingHealthIndicator(MessagingStartup startup, OutboxRelay relay, InboxConsumer inbox) {
        this.startup = startup;
        this.relay = relay;
        this.inbox = inbox;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> stopped = new LinkedHashMap<>();
        relay.stoppedBy().ifPresent(e -> stopped.put("relay", "stopped: " + OutboxRelay.rootMessage(e)));
        inbox.stoppedBy().ifPresent(e -> stopped.put("inbox", "stopped: " + OutboxRelay.rootMessage(e)));
        HealthResult.Builder result = HealthResult.builder(
                "messaging", startup.ready() && stopped.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN);
        if (!stopped.isEmpty()) {
            result.details(stopped);
        }
        return Publishers.just(result.build());
    }
}
