package org.endow.gateway.routing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The address a request came from, as the gateway believes it: the TCP peer's, unless {@code
 * micronaut.server.client-address-header} names the header in which the proxy in front (every request must pass it)
 * puts the address it was called from, e.g. {@code X-Real-IP} behind ingress-nginx. That header is then read by
 * Micronaut's {@link HttpClientAddressResolver}, the peer when it is missing. Without the setting no header is believed
 * (Micronaut's resolver would otherwise take {@code Forwarded} or {@code X-Forwarded-For}, which any client can send).
 *
 * <p>The rate limits count per this address, and the routing filter forwards it to the services as {@code
 * X-Forwarded-For}: both must name the same client.
 */
@Singleton
public class ClientAddresses {

    private final String header;
    /** Null when no header is trusted: the TCP peer is the client. */
    private final HttpClientAddressResolver proxied;

    ClientAddresses(HttpServerConfiguration server, HttpClientAddressResolver addresses) {
        String configured = server.getClientAddressHeader();
        this.header = configured == null || configured.isBlank() ? null : configured.strip();
        this.proxied = header == null ? null : addresses;
    }

    /** The client's address (never null). */
    public String of(HttpRequest<?> request) {
        if (proxied != null) {
            String address = proxied.resolve(request);
            if (address != null && !address.isBlank()) {
                return address.strip();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    /** The header the proxy in front sets, when one is trusted. */
    public Optional<String> trustedHeader() {
        return Optional.ofNullable(header);
    }
}
