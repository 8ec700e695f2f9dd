package org.endow.donations.giving.application;

import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.Recognition;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.events.donations.v1.DonationDisputed;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.events.donations.v1.DonationRecognitionChanged;
import org.endow.events.donations.v1.DonationRefunded;
import org.endow.events.donations.v1.RecurringDonationCancelled;
import org.endow.events.donations.v1.RecurringDonationStarted;
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
            case DonationEvent.DonationRefunded refunded ->
                outbox.append(
                        DonationEvents.DONATION_REFUNDED, refunded.donationId().toString(), toContract(refunded));
            case DonationEvent.RecognitionChanged changed ->
                outbox.append(
                        DonationEvents.DONATION_RECOGNITION_CHANGED,
                        changed.donationId().toString(),
                        toContract(changed));
            case DonationEvent.DonationDisputed disputed ->
                outbox.append(
                        DonationEvents.DONATION_DISPUTED, disputed.donationId().toString(), toContract(disputed));
        }
    }

    static void publish(Outbox outbox, RecurringGift.Started started) {
        outbox.append(
                DonationEvents.RECURRING_DONATION_STARTED, started.gift().id().toString(), toContract(started));
    }

    static void publish(Outbox outbox, RecurringGift.Cancelled cancelled) {
        outbox.append(
                DonationEvents.RECURRING_DONATION_CANCELLED,
                cancelled.gift().id().toString(),
                toContract(cancelled));
    }

    static DonationRecognitionChanged toContract(DonationEvent.RecognitionChanged changed) {
        return new DonationRecognitionChanged(
                changed.donationId().toString(),
                recognitionOf(changed.donation().options()),
                changed.occurredAt());
    }

    static DonationRefunded toContract(DonationEvent.DonationRefunded refunded) {
        Donation donation = refunded.donation();
        return new DonationRefunded(
                donation.id().toString(),
                donation.donor().map(DonorId::value).orElse(null),
                refunded.part().minor(),
                refunded.part().currencyCode(),
                donation.fundCode(),
                donation.refunded().minor(),
                donation.refunded().equals(donation.amount()),
                refunded.occurredAt(),
                refunded.reference());
    }

    static DonationDisputed toContract(DonationEvent.DonationDisputed disputed) {
        Donation donation = disputed.donation();
        return new DonationDisputed(
                donation.id().toString(),
                disputed.state().name(),
                disputed.disputed().minor(),
                disputed.disputed().currencyCode(),
                donation.fundCode(),
                disputed.reference(),
                disputed.occurredAt());
    }

    static RecurringDonationStarted toContract(RecurringGift.Started started) {
        RecurringGift gift = started.gift();
        return new RecurringDonationStarted(
                gift.id().toString(),
                gift.donor().map(DonorId::value).orElse(null),
                gift.monthly().minor(),
                gift.monthly().currencyCode(),
                gift.fundCode(),
                started.occurredAt());
    }

    static RecurringDonationCancelled toContract(RecurringGift.Cancelled cancelled) {
        RecurringGift gift = cancelled.gift();
        return new RecurringDonationCancelled(
                gift.id().toString(),
                gift.donor().map(DonorId::value).orElse(null),
                gift.fundCode(),
                cancelled.occurredAt(),
                cancelled.reason());
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
