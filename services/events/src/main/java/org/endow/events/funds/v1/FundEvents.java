package org.endow.events.funds.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The funds context's integration events, version 1. */
public final class FundEvents {

    public static final EventType<FundedItemPublished> FUNDED_ITEM_PUBLISHED =
            new EventType<>("funds.FundedItemPublished", 1, Topics.FUNDS_V1, FundedItemPublished.class);

    public static final EventType<FundsReserved> FUNDS_RESERVED =
            new EventType<>("funds.FundsReserved", 1, Topics.FUNDS_V1, FundsReserved.class);

    public static final EventType<FundsUnavailable> FUNDS_UNAVAILABLE =
            new EventType<>("funds.FundsUnavailable", 1, Topics.FUNDS_V1, FundsUnavailable.class);

    public static final EventType<FundsReleased> FUNDS_RELEASED =
            new EventType<>("funds.FundsReleased", 1, Topics.FUNDS_V1, FundsReleased.class);

    private FundEvents() {}
}
