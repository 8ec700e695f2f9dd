package org.endow.donations.registrations.application;

import java.time.Instant;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;

/**
 * Records the donated part of a registration as a donation already received (the money was paid with
 * the ticket), so that {@code DonationReceived} reaches the ledger and a receipt is issued. The donation
 * carries the origin {@link #ORIGIN} so that its receipt can say it came from a converted registration. A ticket
 * paid by card links its gift to that payment, so that a refund or a lost dispute on it later reaches the gift.
 */
public interface RecordingConvertedGift {

    /** The donation origin of a converted registration. */
    String ORIGIN = "CONVERTED_REGISTRATION";

    /**
     * @param refundedBeforeGift what of the registration's card payment was refunded when the rest became the gift
     *     (zero when nothing was): the gift is linked to that payment, and only its refunds beyond this are the
     *     gift's; null: the gift is not linked (see {@code Settling})
     * @return the donation's id
     */
    String record(Registration registration, Money donated, Money refundedBeforeGift, String fundCode, Instant at);
}
