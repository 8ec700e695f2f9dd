package org.endow.donations.registrations.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;

/**
 * A refund the foundation owes a registrant by bank transfer (the ticket was not paid by card, or the card refund
 * was refused), and, once staff have sent it, the transfer: it is recorded once.
 *
 * @param why why the card could not take it (Stripe's reason), empty when there was no card payment
 */
public record BankRefund(
        String eventCode,
        String email,
        String name,
        String ticketType,
        Money amount,
        Optional<String> why,
        Instant answeredAt,
        Optional<Sent> sent) {

    /** The transfer staff made: when they recorded it, who, and the transfer's reference. */
    public record Sent(Instant at, String by, String reference) {
        public Sent {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("the transfer's reference is needed");
            }
            reference = reference.strip();
        }
    }

    public BankRefund {
        Objects.requireNonNull(eventCode, "eventCode");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(amount, "amount");
        why = why == null ? Optional.empty() : why;
        sent = sent == null ? Optional.empty() : sent;
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a bank refund is of a positive amount");
        }
    }

    /**
     * Staff have sent the transfer.
     *
     * @throws IllegalStateException when it was already recorded as sent
     */
    public BankRefund sentBy(String staffId, String reference, Instant at) {
        if (sent.isPresent()) {
            Sent before = sent.get();
            throw new IllegalStateException("the refund of " + amount.withSymbol() + " to " + email
                    + " was already recorded as sent on " + HumanTime.minute(before.at()) + " (reference "
                    + before.reference() + ")");
        }
        return new BankRefund(
                eventCode,
                email,
                name,
                ticketType,
                amount,
                why,
                answeredAt,
                Optional.of(new Sent(at, staffId, reference)));
    }
}
