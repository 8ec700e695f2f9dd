package org.endow.donations.giving.application;

import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.Recognition;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.platform.messaging.Outbox;

/** The one place where the donations service turns its domain events into contract events. */
final class DonationIntegrationEvents {

    private DonationIntegrationEvents() {}

    static void publish(Outbox outbox, DonationEvent event) {
        switch (event) {
            case DonationEvent.DonationPledged pledged ->
                outbox.append(
                        DonationEvents.DONATION_PLEDGED, pledged.donationId().toString(), toContract(pledged));
            case DonationEvent.DonationReceived received ->
                outbox.append(
                        DonationEvents.DONATION_RECEIVED, received.donationId().toString(), toContract(received));
        }
    }

    static DonationReceived toContract(DonationEvent.DonationReceived received) {
        Donation donation = received.donation();
        return new DonationReceived(
                donation.id().toString(),
                donation.donor().map(DonorId::value).orElse(null),
                donation.amount().minor(),
                donation.amount().currencyCode(),
                donation.fundCode(),
                donation.method().name(),
                received.occurredAt(),
                received.reference(),
                recognitionOf(donation.options()));
    }

    /** Absent unless the donor consented to public recognition. */
    private static DonationReceived.Recognition recognitionOf(GiftOptions options) {
        Recognition recognition = options.recognition();
        if (!recognition.consent()) {
            return null;
        }
        return new DonationReceived.Recognition(
                recognition.anonymous(), recognition.displayName(), options.dedication());
    }

    static DonationPledged toContract(DonationEvent.DonationPledged pledged) {
        return new DonationPledged(
                pledged.donationId().toString(),
                pledged.donorId() == null ? null : pledged.donorId().value(),
                pledged.amount().minor(),
                pledged.amount().currencyCode(),
                pledged.fundCode(),
                pledged.method().name(),
                pledged.occurredAt());
    }
}
