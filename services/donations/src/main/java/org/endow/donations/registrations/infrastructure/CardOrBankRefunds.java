package org.endow.donations.registrations.infrastructure;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.donations.giving.application.CardCheckout;
import org.endow.donations.registrations.application.RefundingPayments;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;

/**
 * A registration paid by card (it has a payment intent) is refunded on that card through the payment
 * provider when card payments are configured, with the registration's own idempotency key (a retried
 * answer never refunds twice); otherwise the refund is recorded as due for staff to pay by bank, and
 * the staff tally lists it. If the provider cannot be reached the answer is not taken (the registrant
 * is asked to try again), so that a refund is never both on the card and due by bank.
 */
@Singleton
class CardOrBankRefunds implements RefundingPayments {

    private final CardCheckout cards;

    CardOrBankRefunds(CardCheckout cards) {
        this.cards = cards;
    }

    @Override
    public Refund refund(Registration registration, Money amount) {
        String paymentIntent = registration.paymentIntentId().orElse(null);
        if (!cards.enabled() || paymentIntent == null || !amount.isPositive()) {
            return new Refund(Way.DUE_BY_BANK, null);
        }
        try {
            cards.refund(paymentIntent, amount, "event cancelled", registration.refundIdempotencyKey());
        } catch (CardCheckout.Unavailable e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Refund not possible right now",
                    "Your card refund could not be made (" + e.getMessage()
                            + "). Nothing was recorded; please send your answer again in a moment.",
                    List.of());
        }
        return new Refund(Way.ON_CARD, registration.refundIdempotencyKey());
    }
}
