package org.endow.gateway.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Optional;
import org.endow.gateway.routing.RouteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The funds service's public figures for the portal's pages (home, transparency). When the funds
 * service is down the pages still render, saying so.
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
        return fetch("/api/funds/items", Argument.listOf(Item.class))
                .map(items -> items.stream()
                        .filter(i -> "OPEN".equals(i.status()))
                        .map(ItemCard::of)
                        .toList());
    }

    /** Empty when the funds service cannot be reached. */
    Optional<TransparencyPage> transparency() {
        return fetch("/api/funds/transparency", Argument.of(Transparency.class)).map(TransparencyPage::of);
    }

    private <T> Optional<T> fetch(String path, Argument<T> type) {
        if (client == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(client.toBlocking().retrieve(HttpRequest.GET(path), type));
        } catch (RuntimeException e) {
            LOG.warn("Funds service unreachable for {}: {}", path, e.getMessage());
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
            int percentOfTarget,
            long disbursedMinor) {}

    /** What a page shows of an item; amounts already formatted in major units. */
    record ItemCard(
            String code,
            String title,
            String description,
            String kind,
            String raised,
            String pledged,
            String reserved,
            String available,
            String target,
            int percent,
            String disbursed) {
        static ItemCard of(Item item) {
            return new ItemCard(
                    item.code(),
                    item.title(),
                    item.description(),
                    item.kind(),
                    Amounts.format(item.raisedMinor(), item.currency()),
                    item.pledgedMinor() > 0 ? Amounts.format(item.pledgedMinor(), item.currency()) : null,
                    item.reservedMinor() > 0 ? Amounts.format(item.reservedMinor(), item.currency()) : null,
                    Amounts.format(item.availableMinor(), item.currency()),
                    item.targetMinor() > 0 ? Amounts.format(item.targetMinor(), item.currency()) : null,
                    Math.min(100, item.percentOfTarget()),
                    item.disbursedMinor() > 0 ? Amounts.format(item.disbursedMinor(), item.currency()) : null);
        }
    }

    /** Serde leaves empty lists out of the JSON: absent means empty. */
    @Serdeable
    record Transparency(
            List<Figures> items,
            List<Income> incomeByMonth,
            @io.micronaut.core.annotation.Nullable List<Totals> totals,
            @io.micronaut.core.annotation.Nullable List<RecentGift> recentGifts) {
        Transparency {
            items = items == null ? List.of() : items;
            incomeByMonth = incomeByMonth == null ? List.of() : incomeByMonth;
            totals = totals == null ? List.of() : totals;
            recentGifts = recentGifts == null ? List.of() : recentGifts;
        }
    }

    /** Raised in one currency (one entry per currency: never summed across them). */
    @Serdeable
    record Totals(String currency, long restrictedMinor, long unrestrictedMinor) {}

    /** A currency's totals as the page shows them. */
    record TotalLine(String currency, String restricted, String unrestricted) {}

    @Serdeable
    record RecentGift(
            String shownAs,
            String fundCode,
            long amountMinor,
            String currency,
            @io.micronaut.core.annotation.Nullable String dedication,
            java.time.Instant receivedAt) {}

    /** A recognised gift as the page shows it. */
    record GiftLine(String shownAs, String fund, String amount, String dedication, String date) {}

    @Serdeable
    record Figures(
            String code,
            String title,
            String kind,
            String currency,
            long targetMinor,
            long pledgedMinor,
            long raisedMinor,
            long reservedMinor,
            long availableMinor,
            int percentOfTarget,
            long disbursedMinor) {}

    @Serdeable
    record Income(String month, String source, long amountMinor, String currency) {}

    /** A month's income as a bar scaled to the best month (width classes p0…p100: no inline style). */
    record IncomeBar(String month, String source, String amount, int percent) {}

    record TransparencyPage(
            List<ItemCard> items, List<IncomeBar> income, List<TotalLine> totals, List<GiftLine> gifts) {
        static TransparencyPage of(Transparency t) {
            List<ItemCard> items = t.items().stream()
                    .map(f -> ItemCard.of(new Item(
                            f.code(),
                            f.title(),
                            "",
                            f.kind(),
                            "OPEN",
                            f.currency(),
                            f.targetMinor(),
                            f.pledgedMinor(),
                            f.raisedMinor(),
                            f.reservedMinor(),
                            f.availableMinor(),
                            0,
                            f.percentOfTarget(),
                            f.disbursedMinor())))
                    .toList();
            long best = t.incomeByMonth().stream()
                    .mapToLong(Income::amountMinor)
                    .max()
                    .orElse(0);
            List<IncomeBar> income = t.incomeByMonth().stream()
                    .map(i -> new IncomeBar(
                            i.month(),
                            i.source(),
                            Amounts.format(i.amountMinor(), i.currency()),
                            best == 0 ? 0 : (int) Math.max(1, i.amountMinor() * 100 / best)))
                    .toList();
            java.util.Map<String, String> titles = new java.util.HashMap<>();
            t.items().forEach(f -> titles.put(f.code(), f.title()));
            List<GiftLine> gifts = t.recentGifts().stream()
                    .map(g -> new GiftLine(
                            g.shownAs(),
                            titles.getOrDefault(g.fundCode(), g.fundCode()),
                            Amounts.format(g.amountMinor(), g.currency()),
                            g.dedication(),
                            g.receivedAt().toString().substring(0, 10)))
                    .toList();
            return new TransparencyPage(
                    items,
                    income,
                    t.totals().stream()
                            .map(r -> new TotalLine(
                                    r.currency(),
                                    Amounts.format(r.restrictedMinor(), r.currency()),
                                    Amounts.format(r.unrestrictedMinor(), r.currency())))
                            .toList(),
                    gifts);
        }
    }
}
