package org.endow.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class TransparencyPageTest {

    @Test
    void a_ledger_with_no_income_yet_still_makes_a_page() throws Exception {
        // what the funds service sends before any money arrived: empty lists are left out
        FundedItemsView.Transparency figures =
                ObjectMapper.getDefault().readValue("{}", FundedItemsView.Transparency.class);

        FundedItemsView.TransparencyPage page = FundedItemsView.TransparencyPage.of(figures);

        assertTrue(page.items().isEmpty());
        assertTrue(page.income().isEmpty());
        assertTrue(page.totals().isEmpty(), "no figure in an assumed currency");
    }

    @Test
    void the_totals_are_shown_per_currency_in_each_ones_own_code() throws Exception {
        FundedItemsView.Transparency figures = ObjectMapper.getDefault()
                .readValue(
                        "{\"totals\":[{\"currency\":\"EUR\",\"restrictedMinor\":80000,\"unrestrictedMinor\":0},"
                                + "{\"currency\":\"USD\",\"restrictedMinor\":123400,\"unrestrictedMinor\":50000}]}",
                        FundedItemsView.Transparency.class);

        FundedItemsView.TransparencyPage page = FundedItemsView.TransparencyPage.of(figures);

        assertEquals(
                List.of(
                        new FundedItemsView.TotalLine("EUR", "800.00 EUR", "0.00 EUR"),
                        new FundedItemsView.TotalLine("USD", "1,234.00 USD", "500.00 USD")),
                page.totals());

        String html = render(page);
        assertTrue(
                html.contains("<strong data-testid=\"restricted\"><span data-currency=\"EUR\">800.00 EUR</span><br>"
                        + "<span data-currency=\"USD\">1,234.00 USD</span></strong>"),
                html);
        assertTrue(
                html.contains("<strong data-testid=\"unrestricted\"><span data-currency=\"EUR\">0.00 EUR</span><br>"
                        + "<span data-currency=\"USD\">500.00 USD</span></strong>"),
                html);
    }

    /** The page's template as the portal renders it (layout included), with nobody signed in. */
    private static String render(FundedItemsView.TransparencyPage page) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("views/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        Context context = new Context();
        context.setVariable("title", "Transparency");
        context.setVariable("page", page);
        return engine.process("transparency", context);
    }

    @Test
    void income_bars_are_scaled_to_the_best_month() {
        FundedItemsView.TransparencyPage page = FundedItemsView.TransparencyPage.of(new FundedItemsView.Transparency(
                List.of(),
                List.of(
                        new FundedItemsView.Income("2026-10", "donations", 50_000, "USD"),
                        new FundedItemsView.Income("2026-11", "donations", 200_000, "USD"),
                        new FundedItemsView.Income("2026-11", "in-kind", 1, "USD")),
                List.of(),
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
