package org.endow.gateway.portal.grants;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;

/** The portal's calls to the grant-proposals service. */
@Singleton
class GrantsClient extends ServiceClient {

    GrantsClient(List<RouteProperties> routes) {
        super(routes, "grants", "Grants are");
    }
}
