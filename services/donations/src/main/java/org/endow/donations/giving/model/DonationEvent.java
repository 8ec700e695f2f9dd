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

    /** @param part what this refund gave back; the donation holds the total refunded so far */
    record DonationRefunded(Donation donation, Money part, Instant occurredAt, String reference)
            implements DonationEvent {
        @Override
        public DonationId donationId() {
            return donation.id();
        }
    }

    record DonationDisputed(
            Donation donation, DisputeStatus state, Money disputed, Instant occurredAt, String reference)
            implements DonationEvent {
        @Override
        public DonationId donationId() {
            return donation.id();
        }
    }

    /** The donor changed whether and how the gift may be thanked publicly. */
    record RecognitionChanged(Donation donation, Instant occurredAt) implements DonationEvent {
        @Override
        public DonationId donationId() {
            return donation.id();
        }
    }

    record DonationReceived(Donation donation, Instant occurredAt, String reference) implements DonationEvent {
        @Override
        public DonationId donationId() {
            return donation.id();
        }
    }
}
