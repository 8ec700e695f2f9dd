package org.endow.gateway.portal.staff;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;

/** The staff pages' calls to the donations service. */
@Singleton
class DonationsApi extends ServiceClient {

    DonationsApi(List<RouteProperties> routes) {
        super(routes, "donations", "Donations are");
    }
}
