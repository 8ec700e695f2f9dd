package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** DOWN until the relay and the inbox run (they start beside the rest of the service, see {@link MessagingStartup}). */
@Singleton
@Requires(property = "endow.messaging.service")
@Requires(classes = HealthIndicator.class)
class MessagingHealthIndicator implements HealthIndicator {

    private final MessagingStartup startup;

    MessagingHealthIndicator(MessagingStartup startup) {
        this.startup = startup;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("messaging", startup.ready() ? HealthStatus.UP : HealthStatus.DOWN)
                .build());
    }
}
