package org.endow.donations.registrations.application;

import java.time.Instant;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;

/**
 * Records the donated part of a registration as a donation already received (the money was paid with
 * the ticket), so that {@code DonationReceived} reaches the ledger and a receipt is issued. The donation
 * carries the origin {@link #ORIGIN} so that its receipt can say it came from a converted registration.
 */
public interface RecordingConvertedGift {

    /** The donation origin of a converted registration. */
    String ORIGIN = "CONVERTED_REGISTRATION";

    /** @return the donation's id */
    String record(Registration registration, Money donated, String fundCode, Instant at);
}
