package org.endow.funds.staff.application;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.endow.funds.ledger.model.ExchangeRate;
import org.endow.funds.ledger.model.ExchangeRates;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.platform.operations.DeadLetters;
import org.endow.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff record the rate at which gifts in another currency are converted into an item's currency,
 * from a moment on (audited). Gifts that were waiting for a rate in that currency (dead-lettered
 * with "no exchange rate recorded") are replayed once the rate is committed.
 */
@Singleton
public class RecordingExchangeRate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingExchangeRate.class);

    private final ExchangeRates rates;
    private final AuditTrail audit;
    private final DeadLetters deadLetters;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    RecordingExchangeRate(
            ExchangeRates rates,
            AuditTrail audit,
            DeadLetters deadLetters,
            TransactionOperations<Connection> transactions,
            Clock clock) {
        this.rates = rates;
        this.audit = audit;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What was recorded, and how many waiting gifts were sent back to be applied. */
    public record Recorded(ExchangeRate rate, int replayed) {}

    public Recorded record(String staff, String currency, String ledgerCurrency, String rate, Instant effectiveFrom) {
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(rate.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("rate", "must be a decimal number like 1.0842");
        }
        ExchangeRate recorded;
        try {
            recorded = new ExchangeRate(
                    currency, ledgerCurrency, parsed, effectiveFrom == null ? clock.instant() : effectiveFrom);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() != null && e.getMessage().contains("rate") ? "rate" : "currency";
            throw ProblemException.invalidField(field, e.getMessage() == null ? "is not a currency" : e.getMessage());
        }
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            rates.record(recorded, staff, now);
            audit.record(
                    staff,
                    "funds.exchange-rate-recorded",
                    currency + "/" + ledgerCurrency,
                    "1 " + currency + " = " + parsed.toPlainString() + " " + ledgerCurrency + " from "
                            + recorded.effectiveFrom(),
                    now);
            return null;
        });
        int replayed = 0;
        List<DeadLetters.Letter> waiting = deadLetters.list(false, 1000);
        for (DeadLetters.Letter letter : waiting) {
            if (letter.error().contains("no exchange rate recorded for " + currency + " to " + ledgerCurrency)) {
                try {
                    deadLetters.replay(letter.id(), staff);
                    replayed++;
                } catch (RuntimeException e) {
                    LOG.warn("Could not replay dead letter {}: {}", letter.id(), e.getMessage());
                }
            }
        }
        return new Recorded(recorded, replayed);
    }

    public List<ExchangeRate> all() {
        return transactions.executeRead(status -> rates.all());
    }
}
