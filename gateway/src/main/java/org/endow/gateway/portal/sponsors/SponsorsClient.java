package org.endow.gateway.portal.sponsors;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;

/** The portal's calls to the sponsor-tiers service. */
@Singleton
class SponsorsClient extends ServiceClient {

    SponsorsClient(List<RouteProperties> routes) {
        super(routes, "sponsors", "Sponsorships are");
    }
}
