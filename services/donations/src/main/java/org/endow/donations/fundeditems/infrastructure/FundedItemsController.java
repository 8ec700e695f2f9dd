package org.endow.donations.fundeditems.infrastructure;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.endow.donations.fundeditems.application.ListingFundedItems;
import org.endow.donations.fundeditems.model.FundedItem;

/** Public: the items the donate page offers. */
@Controller("/api/donations/funded-items")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class FundedItemsController {

    private final ListingFundedItems listing;

    FundedItemsController(ListingFundedItems listing) {
        this.listing = listing;
    }

    @Get
    List<FundedItemResponse> open() {
        return listing.open().stream().map(FundedItemResponse::of).toList();
    }

    @Serdeable
    record FundedItemResponse(String code, String title, String kind, long targetMinor, String currency) {
        static FundedItemResponse of(FundedItem item) {
            return new FundedItemResponse(item.code(), item.title(), item.kind(), item.targetMinor(), item.currency());
        }
    }
}
