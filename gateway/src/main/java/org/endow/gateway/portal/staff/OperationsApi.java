package org.endow.gateway.portal.staff;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;

/**
 * The operations page's calls to every routed service ({@code /api/<route>/operations/**}, which the platform gives
 * each service): one client per route, in the routes' alphabetical order.
 */
@Singleton
class OperationsApi {

    private final Map<String, ServiceClient> clients = new TreeMap<>();

    OperationsApi(List<RouteProperties> routes) {
        for (RouteProperties route : routes) {
            clients.put(route.name(), new RouteClient(routes, route.name()));
        }
    }

    /** The routes' names, alphabetically. */
    List<String> routes() {
        return List.copyOf(clients.keySet());
    }

    /** Whether {@code route} is a routed service. */
    boolean has(String route) {
        return clients.containsKey(route);
    }

    ServiceClient.Result get(String token, String route, String path) {
        return clients.get(route).get(token, "/api/" + route + "/operations/" + path);
    }

    ServiceClient.Result post(String token, String route, String path) {
        return clients.get(route).post(token, "/api/" + route + "/operations/" + path, Map.of());
    }

    @PreDestroy
    void close() {
        clients.values().forEach(ServiceClient::close);
    }

    private static final class RouteClient extends ServiceClient {
        RouteClient(List<RouteProperties> routes, String route) {
            super(routes, route, "The " + route + " service is");
        }
    }
}
