package org.endow.gateway.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Optional;
import org.endow.gateway.routing.RouteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The funded items and how far each is funded, read from the funds service for the home page. When
 * the funds service is down the page still renders, saying so.
 */
@Singleton
class FundedItemsView {

    private static final Logger LOG = LoggerFactory.getLogger(FundedItemsView.class);

    private final HttpClient client;

    FundedItemsView(List<RouteProperties> routes) {
        Optional<RouteProperties> funds =
                routes.stream().filter(r -> r.name().equals("funds")).findFirst();
        HttpClient created = null;
        if (funds.isPresent()) {
            try {
                created = HttpClient.create(funds.get().url().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("bad funds route " + funds.get().url(), e);
            }
        }
        this.client = created;
    }

    /** Empty when the funds service cannot be reached. */
    Optional<List<ItemCard>> openItems() {
        if (client == null) {
            return Optional.empty();
        }
        try {
            List<Item> items =
                    client.toBlocking().retrieve(HttpRequest.GET("/api/funds/items"), Argument.listOf(Item.class));
            return Optional.of(items.stream()
                    .filter(i -> "OPEN".equals(i.status()))
                    .map(ItemCard::of)
                    .toList());
        } catch (RuntimeException e) {
            LOG.warn("Funds service unreachable for the home page: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Serdeable
    record Item(
            String code,
            String title,
            String description,
            String kind,
            String status,
            String currency,
            long targetMinor,
            long pledgedMinor,
            long raisedMinor,
            long reservedMinor,
            long availableMinor,
            long givenMinor,
            int percentOfTarget) {}

    /** What the page shows of an item; amounts already formatted in major units. */
    record ItemCard(
            String code, String title, String description, String kind, String given, String target, int percent) {
        static ItemCard of(Item item) {
            return new ItemCard(
                    item.code(),
                    item.title(),
                    item.description(),
                    item.kind(),
                    major(item.givenMinor(), item.currency()),
                    item.targetMinor() > 0 ? major(item.targetMinor(), item.currency()) : null,
                    Math.min(100, item.percentOfTarget()));
        }

        private static String major(long minor, String currency) {
            int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
            java.text.DecimalFormat format =
                    new java.text.DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits));
            return format.format(BigDecimal.valueOf(minor, digits)) + " " + currency;
        }
    }
}
