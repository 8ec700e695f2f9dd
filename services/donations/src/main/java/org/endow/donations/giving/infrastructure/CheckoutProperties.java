package org.endow.donations.giving.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code endow.donations.checkout.*}: where the donor comes back from the hosted checkout (env
 * {@code ENDOW_DONATIONS_CHECKOUT_PORTAL_URL}). The portal's pages {@code /give/thanks} and
 * {@code /give} are appended.
 */
@ConfigurationProperties("endow.donations.checkout")
record CheckoutProperties(
        @Bindable(defaultValue = "http://localhost:8080") String portalUrl) {}
