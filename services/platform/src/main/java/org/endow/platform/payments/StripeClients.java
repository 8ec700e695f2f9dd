package org.endow.platform.payments;

import com.stripe.StripeClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** One {@link StripeClient} per service, built from {@link StripeProperties}; absent without a key. */
@Factory
class StripeClients {

    @Singleton
    @Requires(property = "endow.stripe.api-key")
    StripeClient stripeClient(StripeProperties properties) {
        return of(properties);
    }

    /** A client for the configured key, talking to the configured API base (Stripe or the stand-in). */
    static StripeClient of(StripeProperties properties) {
        if (!properties.configured()) {
            throw new IllegalStateException("endow.stripe.api-key is not set");
        }
        return StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase())
                .setConnectBase(properties.apiBase())
                .setFilesBase(properties.apiBase())
                .setMeterEventsBase(properties.apiBase())
                .build();
    }
}
