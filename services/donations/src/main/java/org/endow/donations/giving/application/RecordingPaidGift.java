package org.endow.donations.giving.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.donations.giving.model.CardPayments;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.kernel.Money;
import org.endow.platform.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a gift whose money the foundation already holds (e.g. a converted event ticket): pledged
 * and received at once, so {@code DonationPledged} then {@code DonationReceived} reach the ledger and
 * the receipt is issued. Idempotent per donor and key. Runs inside the caller's transaction.
 */
@Singleton
public class RecordingPaidGift {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingPaidGift.class);

    private final Donations donations;
    private final CardPayments payments;
    private final Outbox outbox;

    RecordingPaidGift(Donations donations, CardPayments payments, Outbox outbox) {
        this.donations = donations;
        this.payments = payments;
        this.outbox = outbox;
    }

    /**
     * The card payment that paid the gift and more: e.g. a cancelled event's ticket, of which {@code
     * refundedBeforeGift} was refunded on it when the rest became the gift. Stripe names the payment in its refunds
     * and disputes: linked to it, the gift is found by them, and only refunds beyond {@code refundedBeforeGift}
     * are the gift's.
     */
    public record PaidInPart(String paymentId, Money refundedBeforeGift) {}

    /**
     * @param reference the received reference the receipt reads, e.g. {@code
     *     converted-registration:<event>}
     * @param paidBy the card payment the money came with, null when none (e.g. a ticket paid by bank)
     * @return the donation's id
     */
    public DonationId record(
            DonorId donor,
            org.endow.donations.giving.model.DonorContact contact,
            Money amount,
            String fundCode,
            PaymentMethod method,
            String reference,
            String idempotencyKey,
            Instant at,
            PaidInPart paidBy) {
        var existing = donations.findByIdempotencyKey(donor, idempotencyKey);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        DonationEvent.DonationPledged pledged = Donation.pledge(
                DonationId.random(),
                donor,
                org.endow.donations.giving.model.GiftOptions.oneTime(contact),
                amount,
                fundCode,
                method,
                at);
        Donation donation = Donation.from(pledged);
        donations.add(donation, idempotencyKey);
        if (paidBy != null && !payments.paidInPart(paidBy.paymentId(), donation.id(), paidBy.refundedBeforeGift())) {
            // e.g. one payment for two tickets: its refunds and disputes stay with the first gift
            LOG.warn(
                    "Payment {} already paid another gift: refunds and disputes of it will not reach gift {}",
                    paidBy.paymentId(),
                    donation.id());
        }
        DonationEvent.DonationReceived received = donation.receive(at, reference);
        donations.update(donation);
        DonationIntegrationEvents.publish(outbox, pledged);
        DonationIntegrationEvents.publish(outbox, received);
        return donation.id();
    }
}
