package org.endow.funds.transparency.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.application.ViewingItemBalances;
import org.endow.funds.ledger.application.ViewingItemBalances.ItemView;
import org.endow.funds.transparency.model.IncomeLine;
import org.endow.funds.transparency.model.IncomeReport;
import org.endow.funds.transparency.model.RecognisedGift;
import org.endow.funds.transparency.model.RecognisedGifts;
import org.endow.kernel.Money;

/**
 * Everything the public transparency page shows, read in one transaction so that the figures agree
 * with each other and with the ledger.
 */
@Singleton
public class PublishingTransparency {

    public static final int MONTHS = 12;

    private final ViewingItemBalances balances;
    private final IncomeReport income;
    private final RecognisedGifts recognised;

    PublishingTransparency(ViewingItemBalances balances, IncomeReport income, RecognisedGifts recognised) {
        this.balances = balances;
        this.income = income;
        this.recognised = recognised;
    }

    /** How many recent recognised gifts the page lists. */
    public static final int RECENT_GIFTS = 10;

    @Transactional(readOnly = true)
    public Transparency snapshot() {
        List<ItemView> items = balances.all().stream()
                .filter(v -> v.item().status() != FundedItem.Status.CLOSED)
                .toList();
        return new Transparency(items, income.incomeByMonth(MONTHS), totals(items), recognised.latest(RECENT_GIFTS));
    }

    /** Raised per currency, in the order of the currency codes: each item counts in its own currency only. */
    private static List<Raised> totals(List<ItemView> items) {
        Map<String, Raised> byCurrency = new TreeMap<>();
        for (ItemView view : items) {
            Money raised = view.balance().raised();
            Raised sum = byCurrency.computeIfAbsent(raised.currencyCode(), Raised::zero);
            byCurrency.put(
                    raised.currencyCode(),
                    view.item().kind() == FundedItem.Kind.GENERAL
                            ? new Raised(sum.restricted(), sum.unrestricted().plus(raised))
                            : new Raised(sum.restricted().plus(raised), sum.unrestricted()));
        }
        return List.copyOf(byCurrency.values());
    }

    /**
     * @param totals what was raised, one entry per currency the open items are kept in (never summed
     *     across currencies)
     */
    public record Transparency(
            List<ItemView> items, List<IncomeLine> income, List<Raised> totals, List<RecognisedGift> recentGifts) {}

    /**
     * What was raised in one currency.
     *
     * @param restricted raised for earmarked items
     * @param unrestricted raised for the general fund
     */
    public record Raised(Money restricted, Money unrestricted) {
        public Raised {
            if (!restricted.currencyCode().equals(unrestricted.currencyCode())) {
                throw new IllegalArgumentException("one currency per total");
            }
        }

        static Raised zero(String currency) {
            return new Raised(Money.zero(currency), Money.zero(currency));
        }

        public String currency() {
            return restricted.currencyCode();
        }
    }
}
