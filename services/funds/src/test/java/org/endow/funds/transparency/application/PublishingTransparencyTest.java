package org.endow.funds.transparency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.application.InMemoryFundedItems;
import org.endow.funds.ledger.application.InMemoryJournal;
import org.endow.funds.ledger.application.ViewingItemBalances;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.reservations.application.Availability;
import org.endow.funds.reservations.application.InMemoryReservations;
import org.endow.funds.transparency.application.PublishingTransparency.Raised;
import org.endow.funds.transparency.model.RecognisedGift;
import org.endow.funds.transparency.model.RecognisedGifts;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** The page's totals: what was raised, per currency, for earmarked work and for the general fund. */
class PublishingTransparencyTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final InMemoryFundedItems items = new InMemoryFundedItems();
    final InMemoryJournal journal = new InMemoryJournal();
    final PublishingTransparency publishing = new PublishingTransparency(
            new ViewingItemBalances(items, journal, new Availability(journal, new InMemoryReservations())),
            months -> List.of(),
            new RecognisedGifts() {
                @Override
                public boolean add(UUID sourceEventId, String donationId, RecognisedGift gift) {
                    return true;
                }

                @Override
                public void recognise(String donationId, String shownAs, String dedication) {}

                @Override
                public List<RecognisedGift> latest(int limit) {
                    return List.of();
                }
            });

    @Test
    void a_usd_and_an_eur_item_are_totalled_each_in_its_own_currency_never_together() {
        item("general", FundedItem.Kind.GENERAL, "USD", FundedItem.Status.OPEN);
        item("packaging", FundedItem.Kind.PROJECT, "USD", FundedItem.Status.OPEN);
        item("berlin-sprint", FundedItem.Kind.EVENT, "EUR", FundedItem.Status.OPEN);
        item("old-sprint", FundedItem.Kind.EVENT, "EUR", FundedItem.Status.CLOSED);
        received("general", Money.of(50_000, "USD"));
        received("packaging", Money.of(123_400, "USD"));
        received("berlin-sprint", Money.of(80_000, "EUR"));
        received("old-sprint", Money.of(1_000, "EUR"));

        List<Raised> raised = publishing.snapshot().totals();

        assertEquals(
                List.of(
                        new Raised(Money.of(80_000, "EUR"), Money.zero("EUR")),
                        new Raised(Money.of(123_400, "USD"), Money.of(50_000, "USD"))),
                raised,
                "the EUR sprint's 800.00 counted in euros (it was left out); closed items aside");
        assertEquals(
                List.of("EUR", "USD"), raised.stream().map(Raised::currency).toList());
    }

    @Test
    void with_no_open_items_there_are_no_totals_rather_than_a_dollar_zero() {
        item("old-sprint", FundedItem.Kind.EVENT, "EUR", FundedItem.Status.CLOSED);

        assertEquals(List.of(), publishing.snapshot().totals());
    }

    private void item(String code, FundedItem.Kind kind, String currency, FundedItem.Status status) {
        items.add(new FundedItem(
                code, code, "", kind, Money.of(kind == FundedItem.Kind.GENERAL ? 0 : 1_000_000, currency), status));
    }

    private void received(String fund, Money amount) {
        journal.append(JournalEntry.pledge(UUID.randomUUID(), "d-" + fund, fund, amount, NOW));
        journal.append(JournalEntry.receipt(UUID.randomUUID(), "d-" + fund, fund, amount, NOW));
    }
}
