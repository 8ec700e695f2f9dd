package org.endow.funds.ledger.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rates staff recorded, and the rate each foreign-currency gift was converted at. */
public interface ExchangeRates {

    void record(ExchangeRate rate, String recordedBy, Instant recordedAt);

    /**
     * The rate for a gift made at {@code at}: the latest one in effect then or, for a gift made
     * before any rate of its currency was recorded, the first one recorded after it.
     */
    Optional<ExchangeRate> at(String currency, String ledgerCurrency, Instant at);

    /** Every rate, newest first. */
    List<ExchangeRate> all();

    /** The rate this donation was converted at the first time, if it was. */
    Optional<ExchangeRate> ofDonation(String donationId, String currency, String ledgerCurrency);

    /** Keeps the rate a donation is converted at (the first one kept stays). */
    void fix(String donationId, ExchangeRate rate);
}
