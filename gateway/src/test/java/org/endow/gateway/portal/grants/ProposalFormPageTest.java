package org.endow.gateway.portal.grants;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void the_amount_is_labelled_with_the_chosen_category_s_currency() {
        List<Map<String, Object>> categories = GrantsPortalController.categoriesShown(List.of(
                Map.of("code", "sprint", "name", "Sprint", "paused", false, "capMinor", 500_000, "currency", "USD"),
                Map.of("code", "meetup", "name", "Meetup", "paused", false, "capMinor", 1_400_000, "currency", "JPY")));
        ProposalForm meetup = new ProposalForm("meetup", "", "", "", "", "", "", "", "150000", "", "", "", null);
        Map<String, Object> model = GrantsPortalController.formModel(categories, meetup);
        model.put("errors", Map.of());
        model.put("id", null);

        String html = PageTemplates.render("grants/form", model);

        assertTrue(html.contains("Amount requested (<span>JPY</span>)"), html);
        assertFalse(html.contains("(USD)"), html);
        assertTrue(html.contains("Each category grants in its own currency"), html);
    }

    @Test
    void one_currency_for_every_category_needs_no_explanation() {
        List<Map<String, Object>> categories = GrantsPortalController.categoriesShown(List.of(
                Map.of("code", "sprint", "name", "Sprint", "paused", false, "capMinor", 500_000, "currency", "EUR")));
        Map<String, Object> model = GrantsPortalController.formModel(categories, ProposalForm.empty());
        model.put("errors", Map.of());
        model.put("id", null);

        String html = PageTemplates.render("grants/form", model);

        assertTrue(html.contains("Amount requested (<span>EUR</span>)"), html);
        assertFalse(html.contains("Each category grants in its own currency"), html);
    }
}
