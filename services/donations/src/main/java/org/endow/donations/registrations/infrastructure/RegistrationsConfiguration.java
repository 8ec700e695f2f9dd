package org.endow.donations.registrations.infrastructure;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.endow.donations.registrations.application.OfferLinks;

@Factory
class RegistrationsConfiguration {

    /** The portal's public address, where the offer page lives ({@code ENDOW_REGISTRATIONS_PORTAL_URL}). */
    @Singleton
    OfferLinks offerLinks(@Value("${endow.registrations.portal-url:`http://localhost:8080`}") String portalUrl) {
        return new OfferLinks(portalUrl);
    }
}
