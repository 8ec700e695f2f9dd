package org.endow.gateway.portal.grants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.PageTemplates;
import org.junit.jupiter.api.Test;

class ProposalFormPageTest {

    @Test
    void each_category_offers_its_cap_in_its_currency_s_own_decimals() {
        List<Object> fromTheService = List.of(
                Map.of("code", "sprint", "name", "Sprint", "paused", false, "capMinor", 500_050, "currency", "USD"),
                Map.of("code", "meetup", "name", "Meetup", "paused", true, "capMinor", 1_400_000, "currency", "JPY"));
        Map<String, Object> model = new HashMap<>();
        model.put("categories", GrantsPortalController.categoriesShown(fromTheService));
        model.put("form", ProposalForm.empty());
        model.put("errors", Map.of());
        model.put("id", null);

        String html = PageTemplates.render("grants/form", model);

        assertTrue(html.contains(">Sprint · up to 5,000.50 USD</option>"), html);
        assertTrue(html.contains(">Meetup (paused) · up to 1,400,000 JPY</option>"), html);
    }
}
