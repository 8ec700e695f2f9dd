package org.endow.donations.giving.model;

import java.time.Instant;
import org.endow.kernel.Money;

/** What happens to a donation, as the donations service tells it to itself. */
public sealed interface DonationEvent {

    DonationId donationId();

    Instant occurredAt();

    /** @param donorId the signed-in donor, {@code null} for a guest */
    record DonationPledged(
            DonationId donationId,
            DonorId donorId,
            GiftOptions options,
            Money amount,
            String fundCode,
            PaymentMethod method,
            Instant occurredAt)
            implements DonationEvent {}

    record DonationReceived(Donation donation, Instant occurredAt, String reference) implements DonationEvent {
        @Override
        public DonationId donationId() {
            return donation.id();
        }
    }
}
