package org.endow.donations.giving.model;

import java.util.Optional;
import java.util.UUID;
import org.endow.kernel.Money;

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

    /**
     * The payment that paid {@code donation} and more: a cancelled event's ticket paid by card, of which the
     * registrant donated part and had {@code refundedBeforeGift} refunded on the same payment. Refunds and disputes
     * of the payment reach the gift; of its refunds, only what goes beyond {@code refundedBeforeGift} is the gift's.
     *
     * @return false when the payment is already linked to a gift (then it stays with that one)
     */
    boolean paidInPart(String paymentId, DonationId donation, Money refundedBeforeGift);

    Optional<DonationId> donationPaidBy(String paymentId);

    /** The gift a payment paid, with what of the payment was refunded before the gift (zero for a gift's own). */
    Optional<GiftPayment> giftPaidBy(String paymentId);

    /** The subscription of a monthly gift. */
    void subscribed(String subscriptionId, UUID recurringGift);

    Optional<UUID> recurringGiftOf(String subscriptionId);

    Optional<String> subscriptionOf(UUID recurringGift);

    Optional<String> paymentOf(DonationId donation);

    record OpenCheckout(String checkoutId, String url) {}

    /**
     * @param refundedBeforeGiftMinor what of the payment was refunded before it became (partly) a gift, in the
     *     payment's minor units
     */
    record GiftPayment(DonationId donation, long refundedBeforeGiftMinor) {

        public GiftPayment {
            if (refundedBeforeGiftMinor < 0) {
                throw new IllegalArgumentException("a refund made before the gift is not negative");
            }
        }

        /**
         * What of {@code totalRefunded} (the payment's refunds so far, as the provider reports them: cumulative)
         * was refunded of the gift: what goes beyond the refunds made before the gift, nothing until then.
         */
        public Money refundedOfTheGift(Money totalRefunded) {
            return Money.of(Math.max(0, totalRefunded.minor() - refundedBeforeGiftMinor), totalRefunded.currencyCode());
        }
    }
}
