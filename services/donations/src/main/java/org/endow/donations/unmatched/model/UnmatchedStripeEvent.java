package org.endow.donations.unmatched.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.kernel.Money;

/**
 * Money Stripe took back (a refund) or that a bank disputes, on a payment that paid no gift of ours: typically a
 * cancelled event's ticket refunded in Stripe's dashboard, or disputed by its buyer. Nothing in Endow changes; staff
 * see it, reconcile Stripe's payouts with it, and mark it explained with a note.
 *
 * @param stripeEventId Stripe's event id (one record per event)
 * @param type Stripe's event type ({@code charge.refunded}, {@code charge.dispute.created}, ...)
 * @param paymentIntentId the payment the money was taken back from
 * @param chargeId the charge, when known
 * @param disputeId the dispute, for a dispute
 * @param amount a refund: all Stripe has refunded of the charge so far (its running total, not this refund); a
 *     dispute: the amount disputed
 * @param refundedByEndow a refund of a registration's payment: what of {@code amount} Endow itself refunded on the
 *     card carrying out registrants' answers (the rest was refunded outside Endow); null otherwise
 * @param refundedOutside a refund: what of {@code amount} was refunded outside Endow so far (its running total, what
 *     {@code amount} exceeds {@code refundedByEndow}); null for a dispute
 * @param newlyTaken what this record reports taken back that no earlier record did, so that the list can be summed:
 *     a refund, how much {@code refundedOutside} grew since the largest one recorded before for the payment; a
 *     dispute opened, the amount disputed; a dispute closed, zero (it closes the opened one's record: won, that
 *     money came back; lost, it stays taken)
 * @param disputeStatus for a dispute only
 * @param disputeReason the bank's reason, for a dispute, when Stripe gave one
 * @param stripeAt when Stripe says it happened
 * @param recordedAt when Endow recorded it
 * @param tickets the imported registrations the payment paid (empty when none is known)
 */
public record UnmatchedStripeEvent(
        String stripeEventId,
        String type,
        Kind kind,
        String paymentIntentId,
        String chargeId,
        String disputeId,
        Money amount,
        Money refundedByEndow,
        Money refundedOutside,
        Money newlyTaken,
        DisputeStatus disputeStatus,
        String disputeReason,
        Instant stripeAt,
        Instant recordedAt,
        List<TicketHolder> tickets,
        Optional<Explanation> explanation) {

    /** The longest note staff may write. */
    public static final int MAX_NOTE = 2_000;

    public enum Kind {
        REFUND,
        DISPUTE
    }

    /** Staff's note on what this was and how it is settled. */
    public record Explanation(String by, Instant at, String note) {}

    public UnmatchedStripeEvent {
        Objects.requireNonNull(stripeEventId, "stripeEventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(paymentIntentId, "paymentIntentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(newlyTaken, "newlyTaken");
        Objects.requireNonNull(stripeAt, "stripeAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the amount cannot be negative: " + amount);
        }
        if (refundedByEndow != null
                && (kind != Kind.REFUND
                        || !refundedByEndow.currency().equals(amount.currency())
                        || refundedByEndow.isNegative())) {
            throw new IllegalArgumentException("only a refund has a part refunded by Endow, in its currency");
        }
        if ((kind == Kind.REFUND) != (refundedOutside != null)
                || (refundedOutside != null
                        && (!refundedOutside.currency().equals(amount.currency())
                                || refundedOutside.isNegative()
                                || refundedOutside.compareTo(amount) > 0))) {
            throw new IllegalArgumentException(
                    "a refund, and only a refund, has a part refunded outside Endow, in its currency, at most its amount");
        }
        if (!newlyTaken.currency().equals(amount.currency())
                || newlyTaken.isNegative()
                || newlyTaken.compareTo(refundedOutside == null ? amount : refundedOutside) > 0) {
            throw new IllegalArgumentException("what is newly taken back is at most the amount, in its currency");
        }
        if ((kind == Kind.DISPUTE) != (disputeStatus != null)) {
            throw new IllegalArgumentException("a dispute, and only a dispute, has a dispute status");
        }
        tickets = List.copyOf(tickets);
        explanation = explanation == null ? Optional.empty() : explanation;
    }

    /** The ticketed event the payment paid, when it paid an imported registration. */
    public Optional<String> ticketedEventCode() {
        return tickets.stream().map(TicketHolder::eventCode).findFirst();
    }

    /**
     * Staff explained it.
     *
     * @throws IllegalArgumentException no note, or a note too long
     * @throws IllegalStateException explained already
     */
    public UnmatchedStripeEvent explainedBy(String staffId, String note, Instant at) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("say what it was and how it is settled");
        }
        if (text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("at most " + MAX_NOTE + " characters");
        }
        if (explanation.isPresent()) {
            Explanation before = explanation.get();
            throw new IllegalStateException("Stripe event " + stripeEventId + " was explained already by " + before.by()
                    + " at " + before.at());
        }
        return new UnmatchedStripeEvent(
                stripeEventId,
                type,
                kind,
                paymentIntentId,
                chargeId,
                disputeId,
                amount,
                refundedByEndow,
                refundedOutside,
                newlyTaken,
                disputeStatus,
                disputeReason,
                stripeAt,
                recordedAt,
                tickets,
                Optional.of(new Explanation(staffId, at, text)));
    }
}
