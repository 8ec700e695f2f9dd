package org.endow.funds.items.infrastructure;

import io.micronaut.serde.annotation.Serdeable;
import org.endow.funds.ledger.application.ViewingItemBalances.ItemView;

/**
 * A funded item and its figures, as every public endpoint shows it.
 *
 * @param pledgedMinor promised, not yet received
 * @param raisedMinor received
 * @param reservedMinor raised and set aside for approved grants
 * @param availableMinor raised, neither paid out to grants nor reserved
 * @param givenMinor everything given to the item so far (pledged and received)
 * @param disbursedMinor paid out to grants (milestone payments)
 */
@Serdeable
public record ItemResponse(
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
        int percentOfTarget,
        long disbursedMinor) {
    public static ItemResponse of(ItemView view) {
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
                balance.percentOfTarget(),
                balance.disbursed().minor());
    }
}
