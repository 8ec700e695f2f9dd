package org.endow.gateway.portal.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proposal form as typed becomes the service's request, or field errors; a proposal fills it back. */
class ProposalFormTest {

    @Test
    void amounts_budget_lines_and_milestones_are_read_exactly() {
        ProposalForm form = new ProposalForm(
                "sprint",
                " PyLadies Berlin ",
                "Sprint",
                "Three days",
                "",
                "2027-05-10",
                "2027-05-12",
                "40",
                "2,400.50",
                "Travel: 2,000.50\nAccommodation: 400",
                "Venue; 1200.50; 2027-05-01\n\nTravel; 1200; 2027-05-12",
                "",
                null);
        Map<String, String> errors = new LinkedHashMap<>();

        Map<String, Object> body = form.toRequest("USD", errors);

        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(240_050L, body.get("amountMinor"));
        assertEquals("PyLadies Berlin", body.get("organisation"));
        assertEquals(null, body.get("eventSeries"));
        assertEquals(
                List.of(
                        Map.of("item", "Travel", "amountMinor", 200_050L),
                        Map.of("item", "Accommodation", "amountMinor", 40_000L)),
                body.get("budgetLines"));
        assertEquals(
                List.of(
                        Map.of("title", "Venue", "amountMinor", 120_050L, "due", "2027-05-01"),
                        Map.of("title", "Travel", "amountMinor", 120_000L, "due", "2027-05-12")),
                body.get("milestones"));
    }

    @Test
    void amounts_are_read_and_sent_in_the_chosen_category_s_currency() {
        List<Map<String, Object>> categories =
                List.of(Map.of("code", "sprint", "currency", "USD"), Map.of("code", "meetup", "currency", "JPY"));
        ProposalForm form = new ProposalForm(
                "meetup",
                "PyCon JP",
                "Meetup",
                "",
                "",
                "",
                "",
                "",
                "150,000",
                "Venue: 150000",
                "Venue; 150000; 2027-05-01",
                "",
                null);
        Map<String, String> errors = new LinkedHashMap<>();

        String currency = ProposalForm.currencyOf(form.categoryCode(), categories);
        Map<String, Object> body = form.toRequest(currency, errors);

        assertEquals("JPY", currency);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("JPY", body.get("currency"));
        assertEquals(150_000L, body.get("amountMinor"));
        assertEquals(List.of(Map.of("item", "Venue", "amountMinor", 150_000L)), body.get("budgetLines"));
        // a code no category has: the first category's, as the browser shows it selected
        assertEquals("USD", ProposalForm.currencyOf("gone", categories));
        assertEquals("USD", ProposalForm.currencyOf("sprint", List.of()));
    }

    @Test
    void what_cannot_be_read_is_said_on_its_field() {
        ProposalForm form = new ProposalForm(
                "sprint", "", "", "", "", "10/05/2027", "", "forty", "12,50.x", "Travel 2000", "Venue; 1200", "", null);
        Map<String, String> errors = new LinkedHashMap<>();

        form.toRequest("USD", errors);

        assertEquals(List.of("startDate", "attendees", "amount", "budget", "milestones"), List.copyOf(errors.keySet()));
    }

    @Test
    void a_proposal_from_the_service_fills_the_form_back() {
        ProposalForm form = ProposalForm.of(Map.of(
                "categoryCode",
                "sprint",
                "amountMinor",
                240_000,
                "budgetLines",
                List.of(Map.of("item", "Travel", "amountMinor", 240_000)),
                "plannedMilestones",
                List.of(Map.of("title", "Venue", "amountMinor", 240_000, "due", "2027-05-01")),
                "startDate",
                "2027-05-10"));

        assertEquals("2400.00", form.amount());
        assertEquals("Travel: 2400.00", form.budget());
        assertEquals("Venue; 2400.00; 2027-05-01", form.milestones());
        assertEquals("2027-05-10", form.startDate());
        assertEquals("", form.endDate());
    }

    @Test
    void amounts_fill_back_in_the_proposals_currency() {
        assertEquals("2400.00", ProposalForm.major(240_000, "USD"));
        assertEquals("240000", ProposalForm.major(240_000, "JPY"));
        assertEquals("240.000", ProposalForm.major(240_000, "KWD"));
        assertEquals("", ProposalForm.major(null, "USD"));
        assertEquals("", ProposalForm.major(240_000, "XYZ"));

        ProposalForm form = ProposalForm.of(Map.of("currency", "JPY", "amountMinor", 50_000));

        assertEquals("50000", form.amount());
    }
}
