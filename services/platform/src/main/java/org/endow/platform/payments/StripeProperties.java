package org.endow.platform.payments;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code endow.stripe.*} (env {@code ENDOW_STRIPE_API_KEY}, {@code ENDOW_STRIPE_API_BASE}, {@code
 * ENDOW_STRIPE_WEBHOOK_SECRET}); secrets come from the environment only, never from the repository.
 *
 * @param apiKey the secret key; without one, card payments are off and services fall back to pledges
 * @param apiBase Stripe's API, or the local stand-in's address in tests and the devstack
 * @param webhookSecret the endpoint's signing secret ({@code whsec_...})
 */
@ConfigurationProperties("endow.stripe")
public record StripeProperties(
        @Nullable String apiKey,
        @Bindable(defaultValue = "https://api.stripe.com") String apiBase,
        @Nullable String webhookSecret) {

    /** Card payments are possible: a key is configured. */
    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }
}
