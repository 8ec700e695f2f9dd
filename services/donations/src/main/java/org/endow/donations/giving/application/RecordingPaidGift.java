package org.endow.donations.giving.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.kernel.Money;
import org.endow.platform.messaging.Outbox;

/**
 * Records a gift whose money the foundation already holds (e.g. a converted event ticket): pledged
 * and received at once, so {@code DonationPledged} then {@code DonationReceived} reach the ledger and
 * the receipt is issued. Idempotent per donor and key. Runs inside the caller's transaction.
 */
@Singleton
public class RecordingPaidGift {

    private final Donations donations;
    private final Outbox outbox;

    RecordingPaidGift(Donations donations, Outbox outbox) {
        this.donations = donations;
        this.outbox = outbox;
    }

    /**
     * @param reference the received reference the receipt reads, e.g. {@code
     *     converted-registration:<event>}
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
            Instant at) {
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
        DonationEvent.DonationReceived received = donation.receive(at, reference);
        donations.update(donation);
        DonationIntegrationEvents.publish(outbox, pledged);
        DonationIntegrationEvents.publish(outbox, received);
        return donation.id();
    }
}
