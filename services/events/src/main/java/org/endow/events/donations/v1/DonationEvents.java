package org.endow.events.donations.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The donations context's integration events, version 1. */
public final class DonationEvents {

    public static final EventType<DonationPledged> DONATION_PLEDGED =
            new EventType<>("donations.DonationPledged", 1, Topics.DONATIONS_V1, DonationPledged.class);

    public static final EventType<DonationReceived> DONATION_RECEIVED =
            new EventType<>("donations.DonationReceived", 1, Topics.DONATIONS_V1, DonationReceived.class);

    private DonationEvents() {}
}
