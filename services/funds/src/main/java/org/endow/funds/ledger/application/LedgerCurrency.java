package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.funds.ledger.model.ExchangeRate;
import org.endow.funds.ledger.model.ExchangeRates;
import org.endow.funds.ledger.model.GiftReturns;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;

/**
 * Each item keeps one currency (its target's). A gift in another currency is converted at the
 * rate staff recorded for the moment the gift was first recorded (or, for a gift made before any
 * rate of its currency was recorded, the first rate recorded after it); that rate is kept for the
 * donation, so its receipt, refunds and disputes are converted the same way. Without a recorded
 * rate the event fails with {@link NoExchangeRate}: it is retried, then dead-lettered, and replayed
 * once staff record the rate.
 */
@Singleton
public class LedgerCurrency {

    private final ExchangeRates rates;

    LedgerCurrency(ExchangeRates rates) {
        this.rates = rates;
    }

    /** The amount in the item's currency, and the note for the entry ("" when no conversion). */
    public record Converted(Money amount, String note) {}

    public Converted toLedger(String ledger, String donationId, Money amount, Instant at) {
        if (amount.currencyCode().equals(ledger)) {
            return new Converted(amount, "");
        }
        ExchangeRate rate = rates.ofDonation(donationId, amount.currencyCode(), ledger)
                .orElseGet(() -> {
                    ExchangeRate current = rates.at(amount.currencyCode(), ledger, at)
                            .orElseThrow(() -> new NoExchangeRate(amount.currencyCode(), ledger, at));
                    rates.fix(donationId, current);
                    return current;
                });
        return new Converted(rate.convert(amount), " (" + rate.describe(amount) + ")");
    }

    /**
     * One of several parts of a gift given back ({@code part}; {@code before} had gone back already, by refunds and
     * lost disputes alike), at the gift's rate: converted as the conversion of what has gone back in all, this part
     * included, less what the parts before took out of the ledger. All parts of a gift given back in full then add up
     * to exactly what it brought into the ledger (each part rounded on its own could leave a cent behind or take one
     * too many). Zero when the part is worth less than what rounding left over.
     */
    public Converted partToLedger(
            String ledger, String donationId, Money part, GiftReturns.Returned before, Instant at) {
        if (part.currencyCode().equals(ledger)) {
            return new Converted(part, "");
        }
        Converted after = toLedger(ledger, donationId, before.given().plus(part), at);
        Converted described = toLedger(ledger, donationId, part, at);
        Money taken = after.amount().minus(before.taken());
        return new Converted(taken.isNegative() ? Money.zero(ledger) : taken, described.note());
    }

    /** The entry with the conversion noted in its description. */
    public static JournalEntry noted(JournalEntry entry, Converted converted) {
        if (converted.note().isEmpty()) {
            return entry;
        }
        return new JournalEntry(
                entry.id(),
                entry.sourceEventId(),
                entry.kind(),
                entry.fundCode(),
                entry.description() + converted.note(),
                entry.occurredAt(),
                entry.postings());
    }

    /** No rate recorded for a gift's currency: staff record one, then replay the dead-lettered event. */
    public static final class NoExchangeRate extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoExchangeRate(String currency, String ledger, Instant at) {
            super("no exchange rate recorded for " + currency + " to " + ledger + " in effect at " + at
                    + ": record one (POST /api/funds/exchange-rates), then replay this event");
        }
    }
}
