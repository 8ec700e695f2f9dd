package org.endow.funds.ledger.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.ItemBalance;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.reservations.application.Availability;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;

/** Public view of each funded item and how far it is funded, straight from the ledger. */
@Singleton
public class ViewingItemBalances {

    private final FundedItems items;
    private final Journal journal;
    private final Availability availability;

    public ViewingItemBalances(FundedItems items, Journal journal, Availability availability) {
        this.items = items;
        this.journal = journal;
        this.availability = availability;
    }

    @Transactional(readOnly = true)
    public ItemView item(String code) {
        FundedItem item =
                items.find(code).orElseThrow(() -> ProblemException.notFound("No funded item '" + code + "'"));
        return view(item);
    }

    /** Every item, with its balances read in one query and its reservations in another. */
    @Transactional(readOnly = true)
    public List<ItemView> all() {
        List<FundedItem> all = items.all();
        Map<String, String> currencies = new LinkedHashMap<>();
        all.forEach(item -> currencies.put(item.code(), item.target().currencyCode()));
        Map<String, Map<Account, Long>> balances = journal.balances(currencies);
        Map<String, Long> reserved = availability.reserved(currencies);
        return all.stream()
                .map(item -> view(
                        item,
                        balances.getOrDefault(item.code(), Map.of()),
                        Money.of(
                                reserved.getOrDefault(item.code(), 0L),
                                item.target().currencyCode())))
                .toList();
    }

    private ItemView view(FundedItem item) {
        String currency = item.target().currencyCode();
        return view(item, journal.balances(item.code(), currency), availability.reserved(item.code(), currency));
    }

    private static ItemView view(FundedItem item, Map<Account, Long> balances, Money reserved) {
        String currency = item.target().currencyCode();
        return new ItemView(
                item,
                new ItemBalance(
                        item.target(),
                        Money.of(balances.getOrDefault(Account.PLEDGES_RECEIVABLE, 0L), currency),
                        Money.of(
                                Math.addExact(
                                        balances.getOrDefault(Account.CASH, 0L),
                                        balances.getOrDefault(Account.GRANTS_PAID, 0L)),
                                currency),
                        reserved,
                        Money.of(balances.getOrDefault(Account.FUND_BALANCE, 0L), currency),
                        Money.of(balances.getOrDefault(Account.GRANTS_PAID, 0L), currency)));
    }

    public record ItemView(FundedItem item, ItemBalance balance) {}
}
