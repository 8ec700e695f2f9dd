package org.endow.gateway.portal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code endow.portal.checkout-origins} (env {@code ENDOW_PORTAL_CHECKOUT_ORIGINS}, comma-separated): the
 * payment provider's hosted checkout, the one place outside the portal a portal form may lead to (the
 * donate form's redirect). Stripe Checkout by default; the local Stripe stand-in's origin in the local stack.
 */
@ConfigurationProperties("endow.portal")
record CheckoutOrigins(
        @Bindable(defaultValue = "https://checkout.stripe.com")
        List<String> checkoutOrigins) {}
