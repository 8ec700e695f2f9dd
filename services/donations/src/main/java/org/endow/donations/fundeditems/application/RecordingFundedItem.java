package org.endow.donations.fundeditems.application;

import jakarta.inject.Singleton;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundedItemPublished;
import org.endow.platform.messaging.EventHandler;

/** Keeps the local copy of funded items that pledges are checked against. */
@Singleton
public class RecordingFundedItem implements EventHandler<FundedItemPublished> {

    private final FundedItems items;

    RecordingFundedItem(FundedItems items) {
        this.items = items;
    }

    @Override
    public EventType<FundedItemPublished> eventType() {
        return FundEvents.FUNDED_ITEM_PUBLISHED;
    }

    @Override
    public String consumerName() {
        return "donations.funded-items";
    }

    @Override
    public void handle(EventEnvelope<FundedItemPublished> event) {
        FundedItemPublished item = event.payload();
        items.save(new FundedItem(
                item.code(), item.title(), item.kind(), item.targetMinor(), item.currency(), item.status()));
    }
}
