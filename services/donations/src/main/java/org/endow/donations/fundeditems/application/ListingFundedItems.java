package org.endow.donations.fundeditems.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;

/** What a donor can give to right now: the open funded items. */
@Singleton
public class ListingFundedItems {

    private final FundedItems items;

    ListingFundedItems(FundedItems items) {
        this.items = items;
    }

    @Transactional(readOnly = true)
    public List<FundedItem> open() {
        return items.all().stream().filter(FundedItem::acceptsGifts).toList();
    }
}
