package org.endow.funds.items.application;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundedItemPublished;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.platform.messaging.Outbox;

/**
 * Announces every new or changed funded item to the other services (through the outbox), so they
 * can check gifts and grants against it. Runs at start (seeded items) and then every minute.
 */
@Singleton
public class PublishingFundedItems implements ApplicationEventListener<ServerStartupEvent> {

    private final FundedItems items;
    private final Outbox outbox;

    PublishingFundedItems(FundedItems items, Outbox outbox) {
        this.items = items;
        this.outbox = outbox;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        publishChanges();
    }

    @Scheduled(fixedDelay = "${endow.funds.publish-interval:60s}", initialDelay = "${endow.funds.publish-interval:60s}")
    @Transactional
    public int publishChanges() {
        int published = 0;
        for (FundedItem item : items.unpublished()) {
            outbox.append(
                    FundEvents.FUNDED_ITEM_PUBLISHED,
                    item.code(),
                    new FundedItemPublished(
                            item.code(),
                            item.title(),
                            item.kind().name(),
                            item.target().minor(),
                            item.target().currencyCode(),
                            item.status().name()));
            items.markPublished(item.code());
            published++;
        }
        return published;
    }
}
