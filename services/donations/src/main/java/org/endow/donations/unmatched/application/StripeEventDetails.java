package org.endow.donations.unmatched.application;

import java.time.Instant;
import java.util.Optional;

/** What a verified Stripe event's raw body says beyond what the payment handling reads. */
public interface StripeEventDetails {

    /** @param at the event's {@code created}, empty when missing or unreadable */
    record Details(Optional<Instant> at, Optional<String> chargeId, Optional<String> disputeReason) {}

    Details of(String rawBody);
}
