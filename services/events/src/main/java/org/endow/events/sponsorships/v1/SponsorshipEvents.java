package org.endow.events.sponsorships.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The sponsorships context's integration events, version 1. */
public final class SponsorshipEvents {

    public static final EventType<SponsorshipPaid> SPONSORSHIP_PAID =
            new EventType<>("sponsorships.SponsorshipPaid", 1, Topics.SPONSORSHIPS_V1, SponsorshipPaid.class);

    private SponsorshipEvents() {}
}
