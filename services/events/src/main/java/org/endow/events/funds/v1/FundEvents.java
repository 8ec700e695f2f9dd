package org.endow.events.funds.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The funds context's integration events, version 1. */
public final class FundEvents {

    public static final EventType<FundedItemPublished> FUNDED_ITEM_PUBLISHED =
            new EventType<>("funds.FundedItemPublished", 1, Topics.FUNDS_V1, FundedItemPublished.class);

    private FundEvents() {}
}
