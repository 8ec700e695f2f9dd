package org.endow.donations.registrations.infrastructure;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.endow.donations.registrations.application.OfferLinks;

@Factory
class RegistrationsConfiguration {

    @Singleton
    OfferLinks offerLinks(RegistrationsProperties properties) {
        return new OfferLinks(properties.portalUrl());
    }
}
