package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.platform.messaging.UnprocessableEvent;

/**
 * The currency each funded item keeps, remembered once read: an item's code and currency never
 * change (its title, target amount and status may, and are not kept here), so the ledger's handlers
 * do not read the item again for every event.
 */
@Singleton
public class ItemCurrencies {

    private final FundedItems items;
    private final ConcurrentMap<String, String> known = new ConcurrentHashMap<>();

    ItemCurrencies(FundedItems items) {
        this.items = items;
    }

    /**
     * @throws UnprocessableEvent for a code no item has (a broken contract: donations only takes known items): the
     *     event is dead-lettered at once, not retried, and staff can replay it once the item exists
     */
    public String of(String code, String what) {
        String currency = known.get(code);
        if (currency != null) {
            return currency;
        }
        FundedItem item =
                items.find(code).orElseThrow(() -> new UnprocessableEvent(what + " for unknown fund " + code));
        known.put(code, item.target().currencyCode());
        return item.target().currencyCode();
    }
}
