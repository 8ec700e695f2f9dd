package org.endow.donations.registrations.application;

import org.endow.donations.registrations.model.OfferToken;

/** Where the public offer page is reached, e.g. {@code https://endow.example.org}. */
public record OfferLinks(String baseUrl) {

    public String link(OfferToken token) {
        return baseUrl.replaceAll("/+$", "") + "/registrations/offer/" + token.value();
    }
}
