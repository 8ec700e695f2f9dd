package org.endow.gateway.portal.fellows;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;

/** The portal's calls to the fellow-nominations service. */
@Singleton
class FellowsClient extends ServiceClient {

    FellowsClient(List<RouteProperties> routes) {
        super(routes, "fellows", "Fellow nominations are");
    }
}
