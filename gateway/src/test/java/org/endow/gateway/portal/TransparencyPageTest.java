package org.endow.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransparencyPageTest {

    @Test
    void a_ledger_with_no_income_yet_still_makes_a_page() throws Exception {
        // what the funds service sends before any money arrived: empty lists are left out
        FundedItemsView.Transparency figures = ObjectMapper.getDefault()
                .readValue("{\"restrictedMinor\":0,\"unrestrictedMinor\":0}", FundedItemsView.Transparency.class);

        FundedItemsView.TransparencyPage page = FundedItemsView.TransparencyPage.of(figures);

        assertTrue(page.items().isEmpty());
        assertTrue(page.income().isEmpty());
        assertEquals("0.00 USD", page.restricted());
    }

    @Test
    void income_bars_are_scaled_to_the_best_month() {
        FundedItemsView.TransparencyPage page = FundedItemsView.TransparencyPage.of(new FundedItemsView.Transparency(
                List.of(),
                List.of(
                        new FundedItemsView.Income("2026-10", "donations", 50_000, "USD"),
                        new FundedItemsView.Income("2026-11", "donations", 200_000, "USD"),
                        new FundedItemsView.Income("2026-11", "in-kind", 1, "USD")),
                0,
                0,
                List.of(new FundedItemsView.RecentGift(
                        "Anonymous",
                        "packaging",
                        5_000,
                        "USD",
                        "In honour of Grace Hopper",
                        java.time.Instant.parse("2026-11-20T10:00:00Z")))));

        assertEquals("Anonymous", page.gifts().getFirst().shownAs());
        assertEquals("50.00 USD", page.gifts().getFirst().amount());
        assertEquals("2026-11-20", page.gifts().getFirst().date());
        assertEquals(
                List.of(25, 100, 1),
                page.income().stream().map(FundedItemsView.IncomeBar::percent).toList());
        assertEquals("2,000.00 USD", page.income().get(1).amount());
    }
}
