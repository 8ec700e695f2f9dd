package org.endow.funds.ledger.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.funds.ledger.model.ExchangeRate;
import org.endow.funds.ledger.model.ExchangeRates;

/** Rates in memory, for the handlers' unit tests. */
final class InMemoryExchangeRates implements ExchangeRates {

    private final List<ExchangeRate> rates = new ArrayList<>();
    private final Map<String, ExchangeRate> byDonation = new HashMap<>();

    @Override
    public void record(ExchangeRate rate, String recordedBy, Instant recordedAt) {
        rates.add(rate);
    }

    @Override
    public Optional<ExchangeRate> at(String currency, String ledgerCurrency, Instant at) {
        List<ExchangeRate> of = rates.stream()
                .filter(r -> r.currency().equals(currency) && r.ledgerCurrency().equals(ledgerCurrency))
                .toList();
        return of.stream()
                .filter(r -> !r.effectiveFrom().isAfter(at))
                .max(Comparator.comparing(ExchangeRate::effectiveFrom))
                .or(() -> of.stream().min(Comparator.comparing(ExchangeRate::effectiveFrom)));
    }

    @Override
    public List<ExchangeRate> all() {
        return List.copyOf(rates);
    }

    @Override
    public Optional<ExchangeRate> ofDonation(String donationId, String currency, String ledgerCurrency) {
        return Optional.ofNullable(byDonation.get(donationId + "/" + currency + "/" + ledgerCurrency));
    }

    @Override
    public void fix(String donationId, ExchangeRate rate) {
        byDonation.putIfAbsent(donationId + "/" + rate.currency() + "/" + rate.ledgerCurrency(), rate);
    }
}
