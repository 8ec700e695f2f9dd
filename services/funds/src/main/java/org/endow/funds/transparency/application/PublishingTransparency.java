package org.endow.funds.transparency.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
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
        String currency = "USD";
        Money restricted = Money.zero(currency);
        Money unrestricted = Money.zero(currency);
        for (ItemView view : items) {
            if (!view.balance().raised().currencyCode().equals(currency)) {
                continue;
            }
            if (view.item().kind() == FundedItem.Kind.GENERAL) {
                unrestricted = unrestricted.plus(view.balance().raised());
            } else {
                restricted = restricted.plus(view.balance().raised());
            }
        }
        return new Transparency(
                items, income.incomeByMonth(MONTHS), restricted, unrestricted, recognised.latest(RECENT_GIFTS));
    }

    /**
     * @param restricted raised for earmarked items
     * @param unrestricted raised for the general fund
     */
    public record Transparency(
            List<ItemView> items,
            List<IncomeLine> income,
            Money restricted,
            Money unrestricted,
            List<RecognisedGift> recentGifts) {}
}
