package org.endow.donations.registrations.infrastructure;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.endow.donations.giving.application.CardCheckout;
import org.endow.donations.registrations.application.RefundingPayments;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registration paid by card (it has a payment intent) is refunded on that card through the payment
 * provider when card payments are configured, with the registration's own idempotency key (a retried
 * answer never refunds twice); otherwise the refund is recorded as due for staff to pay by bank, and
 * the staff tally lists it. If the provider cannot be reached the answer is not taken (the registrant
 * is asked to try again), so that a refund is never both on the card and due by bank. If the provider refuses
 * the refund for good (refunded already in its dashboard, an unknown payment), it is recorded as due by bank with
 * the provider's reason, for staff to check: trying again would never succeed.
 */
@Singleton
class CardOrBankRefunds implements RefundingPayments {

    private static final Logger LOG = LoggerFactory.getLogger(CardOrBankRefunds.class);

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
        } catch (CardCheckout.Refused e) {
            // refunded already in the provider's dashboard, or a payment it does not know: staff look at it
            LOG.warn(
                    "Card refund of {} for {} at {} refused by the provider ({}): recorded as due by bank",
                    amount,
                    registration.email(),
                    registration.eventCode(),
                    e.getMessage());
            return new Refund(Way.DUE_BY_BANK, "card refund refused: " + abbreviated(e.getMessage()));
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

    @Override
    public Optional<CardPayment> cardPayment(Registration registration) {
        String paymentIntent = registration.paymentIntentId().orElse(null);
        if (!cards.enabled() || paymentIntent == null) {
            return Optional.empty();
        }
        try {
            CardCheckout.Charged charged = cards.charged(paymentIntent);
            return Optional.of(new CardPayment(charged.amount(), charged.refunded()));
        } catch (CardCheckout.Refused e) {
            LOG.warn(
                    "The card payment {} of {} at {} is not known to the provider ({})",
                    paymentIntent,
                    registration.email(),
                    registration.eventCode(),
                    e.getMessage());
            return Optional.empty();
        } catch (CardCheckout.Unavailable e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Card payments cannot be reached right now",
                    "Your answer could not be recorded (" + e.getMessage()
                            + "). Nothing was recorded; please send your answer again in a moment.",
                    List.of());
        }
    }

    private static String abbreviated(String message) {
        String text = message == null ? "no reason given" : message.strip();
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
