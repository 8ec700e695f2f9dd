package org.endow.donations.giving.model;

import java.util.Optional;
import java.util.UUID;

/**
 * Which card payment (the payment provider's references) belongs to which gift. The provider's ids
 * are opaque text here; only the infrastructure knows they are Stripe's.
 */
public interface CardPayments {

    /** A checkout was opened for a one-time gift or a monthly one. */
    void checkoutOpened(String checkoutId, String checkoutUrl, DonationId donation, UUID recurringGift);

    Optional<OpenCheckout> checkoutOf(DonationId donation);

    Optional<OpenCheckout> checkoutOfRecurring(UUID recurringGift);

    /** The payment (e.g. a Stripe payment intent) that paid {@code donation}. */
    void paid(String paymentId, DonationId donation);

    Optional<DonationId> donationPaidBy(String paymentId);

    /** The subscription of a monthly gift. */
    void subscribed(String subscriptionId, UUID recurringGift);

    Optional<UUID> recurringGiftOf(String subscriptionId);

    Optional<String> subscriptionOf(UUID recurringGift);

    Optional<String> paymentOf(DonationId donation);

    record OpenCheckout(String checkoutId, String url) {}
}
