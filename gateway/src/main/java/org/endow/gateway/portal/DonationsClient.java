package org.endow.gateway.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
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
    Result pledge(String token, Map<String, Object> gift, String idempotencyKey) {
        if (client == null) {
            return new Result(null, unavailable("/give"));
        }
        try {
            HttpResponse<Pledge> response = client.toBlocking()
                    .exchange(
                            HttpRequest.POST("/api/donations/pledges", gift)
                                    .bearerAuth(token)
                                    .header("Idempotency-Key", idempotencyKey),
                            Argument.of(Pledge.class),
                            Argument.of(String.class));
            return new Result(response.body(), null);
        } catch (HttpClientResponseException e) {
            return new Result(null, problemOf(e, "/give"));
        } catch (RuntimeException e) {
            return new Result(null, unavailable("/give"));
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Card payments on or off, and the currencies; no cards when the service cannot be reached. */
    GivingOptions givingOptions() {
        if (client == null) {
            return new GivingOptions(false, List.of("USD"));
        }
        try {
            return client.toBlocking().retrieve(HttpRequest.GET("/api/donations/giving-options"), GivingOptions.class);
        } catch (RuntimeException e) {
            return new GivingOptions(false, List.of("USD", "EUR", "GBP"));
        }
    }

    /**
     * Opens a card checkout (the token is absent for a guest).
     *
     * @param gift the request body: amount, currency, fund, frequency, dedication, recognition, guest contact
     */
    CheckoutResult checkout(
            @io.micronaut.core.annotation.Nullable String token, Map<String, Object> gift, String idempotencyKey) {
        if (client == null) {
            return new CheckoutResult(null, unavailable("/give"));
        }
        try {
            MutableHttpRequest<Map<String, Object>> request =
                    HttpRequest.POST("/api/donations/checkout", gift).header("Idempotency-Key", idempotencyKey);
            if (token != null && !token.isBlank()) {
                request.bearerAuth(token);
            }
            return new CheckoutResult(
                    client.toBlocking().retrieve(request, Argument.of(Checkout.class), Argument.of(String.class)),
                    null);
        } catch (HttpClientResponseException e) {
            return new CheckoutResult(null, problemOf(e, "/give"));
        } catch (RuntimeException e) {
            return new CheckoutResult(null, unavailable("/give"));
        }
    }

    /** The donor's monthly gifts; empty when the service cannot be reached. */
    List<MonthlyGift> monthly(String token) {
        if (client == null) {
            return List.of();
        }
        try {
            return client.toBlocking()
                    .retrieve(
                            HttpRequest.GET("/api/donations/monthly/mine").bearerAuth(token),
                            Argument.listOf(MonthlyGift.class));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** @return the problem, or {@code null} when the change was recorded */
    @io.micronaut.core.annotation.Nullable
    Problem changeRecognition(String token, String id, boolean consent) {
        if (client == null) {
            return unavailable("/account/giving");
        }
        try {
            client.toBlocking()
                    .exchange(
                            HttpRequest.PUT(
                                            "/api/donations/pledges/" + id + "/recognition",
                                            Map.of("consent", consent, "anonymous", false))
                                    .bearerAuth(token),
                            Argument.of(Object.class),
                            Argument.of(String.class));
            return null;
        } catch (HttpClientResponseException e) {
            return problemOf(e, "/account/giving");
        } catch (RuntimeException e) {
            return unavailable("/account/giving");
        }
    }

    /** @return the problem, or {@code null} when the cancellation was accepted */
    @io.micronaut.core.annotation.Nullable
    Problem cancelMonthly(String token, String id) {
        if (client == null) {
            return unavailable("/account/giving");
        }
        try {
            client.toBlocking()
                    .exchange(
                            HttpRequest.POST("/api/donations/monthly/" + id + "/cancel", Map.of())
                                    .bearerAuth(token),
                            Argument.of(Object.class),
                            Argument.of(String.class));
            return null;
        } catch (HttpClientResponseException e) {
            return problemOf(e, "/account/giving");
        } catch (RuntimeException e) {
            return unavailable("/account/giving");
        }
    }

    private static Problem problemOf(HttpClientResponseException e, String instance) {
        return ServiceClient.problemOf(e, instance);
    }

    private static Problem unavailable(String instance) {
        return new Problem(
                "about:blank",
                "Unavailable",
                503,
                "Giving is not available right now; please retry",
                instance,
                List.of());
    }

    @Serdeable
    record GivingOptions(boolean cards, List<String> currencies) {}

    @Serdeable
    record Checkout(String giftId, String frequency, String checkoutUrl) {}

    record CheckoutResult(Checkout checkout, Problem problem) {}

    @Serdeable
    record MonthlyGift(
            String id,
            long amountMinor,
            String currency,
            String fundCode,
            String status,
            @io.micronaut.core.annotation.Nullable java.time.Instant startedAt) {}

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
            @io.micronaut.core.annotation.Nullable java.time.Instant pledgedAt,
            boolean recognised) {}

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
