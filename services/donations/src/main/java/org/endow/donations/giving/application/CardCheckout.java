package org.endow.donations.giving.application;

import org.endow.kernel.Money;

/**
 * The card payment provider (Stripe Checkout in production, the stand-in in tests), as the giving
 * use cases need it. Every call carries an idempotency key: a retry never charges or refunds twice.
 */
public interface CardCheckout {

    /** Card payments are configured (a key is set); without one, donors pledge by bank or cheque. */
    boolean enabled();

    /**
     * Opens a hosted checkout for a one-time gift ({@code monthly} false) or the first month of a
     * monthly one. The gift's id travels in the provider's metadata, so its events find the gift.
     */
    Opened open(Request request, String idempotencyKey);

    /** Asks the provider to refund {@code amount} of a payment; its confirmation arrives as an event. */
    void refund(String paymentId, Money amount, String reason, String idempotencyKey);

    /**
     * What a payment took and how much of it has been refunded so far, as the provider knows it now.
     *
     * @throws Unavailable when the provider cannot be reached
     * @throws Refused when it does not know the payment, or the payment took nothing
     */
    Charged charged(String paymentId);

    /** A payment's amount and the part of it refunded so far (any way: by us, in the provider's dashboard). */
    record Charged(Money amount, Money refunded) {}

    /** Asks the provider to end a subscription; its confirmation arrives as an event. */
    void cancelSubscription(String subscriptionId, String idempotencyKey);

    /**
     * @param giftId the donation's id (one-time) or the monthly gift's id
     * @param description what the donor sees on the checkout page
     */
    record Request(String giftId, boolean monthly, Money amount, String description, String customerEmail) {}

    record Opened(String checkoutId, String url) {}

    /** The provider could not be reached or refused the call; nothing was charged. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The provider answered that this refund cannot be made, for good (the payment was refunded already, in the
     * provider's dashboard for instance, or is unknown to it): repeating the request will not help.
     */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
