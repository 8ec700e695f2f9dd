package org.endow.funds.ledger.application;

import java.util.HashMap;
import java.util.Map;
import org.endow.funds.ledger.model.GiftReturns;
import org.endow.kernel.Money;

/** What went back of each gift, in memory, for the handlers' unit tests. */
final class InMemoryGiftReturns implements GiftReturns {

    private final Map<String, Returned> returned = new HashMap<>();

    @Override
    public Returned of(String donationId, String currency, String ledgerCurrency) {
        return returned.getOrDefault(
                donationId + "/" + currency + "/" + ledgerCurrency,
                new Returned(Money.zero(currency), Money.zero(ledgerCurrency)));
    }

    @Override
    public void add(String donationId, Money part, Money taken) {
        returned.merge(
                donationId + "/" + part.currencyCode() + "/" + taken.currencyCode(),
                new Returned(part, taken),
                (a, b) -> new Returned(a.given().plus(b.given()), a.taken().plus(b.taken())));
    }
}
