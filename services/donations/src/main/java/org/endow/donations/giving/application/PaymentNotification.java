package org.endow.donations.giving.application;

import org.endow.donations.giving.model.DisputeStatus;
import org.endow.kernel.Money;

/**
 * What a verified payment-provider event says about a gift, in the provider's terms translated to
 * ours. Gift ids come from the metadata set when the checkout was opened; payment and subscription
 * ids are the provider's opaque references.
 */
public sealed interface PaymentNotification {

    /** A one-time checkout was paid. */
    record CheckoutPaid(String donationId, String paymentId) implements PaymentNotification {}

    /** A monthly checkout completed: the subscription exists. */
    record SubscriptionCheckoutCompleted(String recurringGiftId, String subscriptionId)
            implements PaymentNotification {}

    /** A checkout expired unpaid. */
    record CheckoutExpired(String donationId, String recurringGiftId) implements PaymentNotification {}

    /** A one-time card payment was declined (the donor may try again on the checkout page). */
    record PaymentFailed(String donationId, String reason) implements PaymentNotification {}

    /**
     * A completed checkout's delayed payment (a bank debit, for instance) failed days later: nothing was taken and
     * the checkout cannot be retried.
     */
    record DelayedPaymentFailed(String donationId) implements PaymentNotification {}

    /**
     * One month of a subscription was paid; {@code paymentId} is the payment intent that paid it, null when Stripe
     * did not say which.
     */
    record InvoicePaid(String invoiceId, String subscriptionId, String recurringGiftId, String paymentId, Money amount)
            implements PaymentNotification {}

    /** One month of a subscription could not be charged. */
    record InvoiceFailed(String invoiceId, String subscriptionId, String recurringGiftId, int attempt)
            implements PaymentNotification {}

    record SubscriptionEnded(String subscriptionId, String recurringGiftId) implements PaymentNotification {}

    /** @param totalRefunded everything refunded of the payment so far (cumulative, as the provider reports it) */
    record Refunded(String donationId, String paymentId, Money totalRefunded, String reference)
            implements PaymentNotification {}

    record Disputed(String paymentId, DisputeStatus status, Money amount, String disputeId)
            implements PaymentNotification {}

    /** An event the service does not act on: acknowledged and logged. */
    record Ignored(String type) implements PaymentNotification {}
}
