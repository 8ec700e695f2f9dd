package org.endow.events.donations.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The donations context's integration events, version 1. */
public final class DonationEvents {

    public static final EventType<DonationPledged> DONATION_PLEDGED =
            new EventType<>("donations.DonationPledged", 1, Topics.DONATIONS_V1, DonationPledged.class);

    public static final EventType<DonationReceived> DONATION_RECEIVED =
            new EventType<>("donations.DonationReceived", 1, Topics.DONATIONS_V1, DonationReceived.class);

    public static final EventType<DonationRefunded> DONATION_REFUNDED =
            new EventType<>("donations.DonationRefunded", 1, Topics.DONATIONS_V1, DonationRefunded.class);

    public static final EventType<DonationDisputed> DONATION_DISPUTED =
            new EventType<>("donations.DonationDisputed", 1, Topics.DONATIONS_V1, DonationDisputed.class);

    public static final EventType<RecurringDonationStarted> RECURRING_DONATION_STARTED = new EventType<>(
            "donations.RecurringDonationStarted", 1, Topics.DONATIONS_V1, RecurringDonationStarted.class);

    public static final EventType<RecurringDonationCancelled> RECURRING_DONATION_CANCELLED = new EventType<>(
            "donations.RecurringDonationCancelled", 1, Topics.DONATIONS_V1, RecurringDonationCancelled.class);

    public static final EventType<DonationRecognitionChanged> DONATION_RECOGNITION_CHANGED = new EventType<>(
            "donations.DonationRecognitionChanged", 1, Topics.DONATIONS_V1, DonationRecognitionChanged.class);

    private DonationEvents() {}
}
