package org.endow.gateway.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.gateway.routing.RouteProperties;
import org.endow.platform.problem.Problem;

/**
 * The portal's calls to the donations service, made on behalf of the signed-in person with their
 * own token: the service enforces roles exactly as for API clients.
 */
@Singleton
class DonationsClient {

    private final HttpClient client;

    DonationsClient(List<RouteProperties> routes) {
        this.client = RouteProperties.clientFor(routes, "donations");
    }

    List<FundOption> openItems() {
        if (client == null) {
            return List.of();
        }
        try {
            return client.toBlocking()
                    .retrieve(HttpRequest.GET("/api/donations/funded-items"), Argument.listOf(FundOption.class));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The created pledge, or the service's problem (field errors included). */
    Result pledge(
            String token, long amountMinor, String currency, String fundCode, String method, String idempotencyKey) {
        if (client == null) {
            return new Result(
                    null,
                    new Problem("about:blank", "Unavailable", 503, "Giving is not available", "/give", List.of()));
        }
        try {
            HttpResponse<Pledge> response = client.toBlocking()
                    .exchange(
                            HttpRequest.POST(
                                            "/api/donations/pledges",
                                            Map.of(
                                                    "amountMinor", amountMinor,
                                                    "currency", currency,
                                                    "fundCode", fundCode,
                                                    "method", method))
                                    .bearerAuth(token)
                                    .header("Idempotency-Key", idempotencyKey),
                            Pledge.class);
            return new Result(response.body(), null);
        } catch (HttpClientResponseException e) {
            Problem problem = e.getResponse()
                    .getBody(Problem.class)
                    .orElse(new Problem(
                            "about:blank",
                            e.getStatus().getReason(),
                            e.getStatus().getCode(),
                            e.getMessage(),
                            "/give",
                            List.of()));
            return new Result(null, problem);
        } catch (RuntimeException e) {
            return new Result(
                    null,
                    new Problem(
                            "about:blank",
                            "Unavailable",
                            503,
                            "Giving is not available right now; please retry",
                            "/give",
                            List.of()));
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Serdeable
    record FundOption(String code, String title, String kind, long targetMinor, String currency) {}

    @Serdeable
    record Pledge(String id, long amountMinor, String currency, String fundCode, String method, String status) {}

    record Result(Pledge pledge, Problem problem) {}

    @Serdeable
    record MyPledge(
            String id,
            long amountMinor,
            String currency,
            String fundCode,
            String method,
            String status,
            @io.micronaut.core.annotation.Nullable java.time.Instant pledgedAt) {}

    @Serdeable
    record MyReceipt(
            String number,
            String donationId,
            long amountMinor,
            String currency,
            String fundCode,
            java.time.Instant issuedAt) {}

    /** The donor's gifts and receipts; empty when the service cannot be reached (the page says so). */
    Optional<Giving> giving(String token) {
        if (client == null) {
            return Optional.empty();
        }
        try {
            List<MyPledge> pledges = client.toBlocking()
                    .retrieve(
                            HttpRequest.GET("/api/donations/pledges/mine").bearerAuth(token),
                            Argument.listOf(MyPledge.class));
            List<MyReceipt> receipts = client.toBlocking()
                    .retrieve(
                            HttpRequest.GET("/api/donations/receipts/mine").bearerAuth(token),
                            Argument.listOf(MyReceipt.class));
            return Optional.of(new Giving(pledges, receipts));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    record Giving(List<MyPledge> pledges, List<MyReceipt> receipts) {}
}
