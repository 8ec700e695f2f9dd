package org.endow.gateway.portal.staff;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;

/** The staff pages' calls to the funds service. */
@Singleton
class FundsApi extends ServiceClient {

    FundsApi(List<RouteProperties> routes) {
        super(routes, "funds", "The funds ledger is");
    }
}
