package org.endow.funds.items.infrastructure;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.endow.funds.ledger.application.ViewingItemBalances;
import org.endow.funds.ledger.application.ViewingItemBalances.ItemView;

/** Public: anyone may see how far each item is funded. */
@Controller("/api/funds/items")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ItemsController {

    private final ViewingItemBalances balances;

    ItemsController(ViewingItemBalances balances) {
        this.balances = balances;
    }

    @Get
    List<ItemResponse> all() {
        return balances.all().stream().map(ItemResponse::of).toList();
    }

    @Get("/{code}")
    ItemResponse one(@PathVariable String code) {
        return ItemResponse.of(balances.item(code));
    }

    /**
     * @param pledgedMinor promised, not yet received
     * @param raisedMinor received
     * @param reservedMinor raised and set aside for approved grants
     * @param availableMinor raised and not reserved
     * @param givenMinor everything given to the item so far (pledged and received)
     */
    @Serdeable
    record ItemResponse(
            String code,
            String title,
            String description,
            String kind,
            String status,
            String currency,
            long targetMinor,
            long pledgedMinor,
            long raisedMinor,
            long reservedMinor,
            long availableMinor,
            long givenMinor,
            int percentOfTarget) {
        static ItemResponse of(ItemView view) {
            var item = view.item();
            var balance = view.balance();
            return new ItemResponse(
                    item.code(),
                    item.title(),
                    item.description(),
                    item.kind().name(),
                    item.status().name(),
                    item.target().currencyCode(),
                    item.target().minor(),
                    balance.pledged().minor(),
                    balance.raised().minor(),
                    balance.reserved().minor(),
                    balance.available().minor(),
                    balance.given().minor(),
                    balance.percentOfTarget());
        }
    }
}
