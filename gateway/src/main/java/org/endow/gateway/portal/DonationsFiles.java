package org.endow.gateway.portal;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.routing.RouteProperties;

/** The files the donations service makes for a donor (annual statements), fetched to hand on as downloads. */
@Singleton
class DonationsFiles extends ServiceClient {

    DonationsFiles(List<RouteProperties> routes) {
        super(routes, "donations", "Your giving records are");
    }
}
