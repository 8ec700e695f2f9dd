package org.endow.gateway.portal;

import static org.endow.gateway.portal.PageTemplates.render;
import static org.endow.gateway.portal.PageTemplates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pages that show the services' values as people read them: days, instants and names of states in words. */
class PageTemplatesTest {

    @Test
    void the_fellows_review_page_gives_the_cycle_days_and_the_vote_in_words() {
        Map<String, Object> nominee = new HashMap<>();
        nominee.put("id", "n1");
        nominee.put("name", "Grace Hopper");
        nominee.put("status", "VERIFIED");
        nominee.put("endorsements", List.of());
        nominee.put("votesCast", 2);
        nominee.put("myVote", "CONFLICT");
        nominee.put("links", List.of());
        Map<String, Object> page = new HashMap<>();
        page.put("cycle", "2027-Q1");
        page.put("cutOff", "2027-02-20");
        page.put("reviewEnd", "2027-03-15");
        page.put("votingOpen", true);
        page.put("members", 3);
        page.put("nominees", List.of(nominee));

        String html = render("fellows/review", Map.of("page", page, "isStaff", false));

        String text = text(html);
        assertTrue(text.contains("nominations up to 20 Feb 2027; votes until 15 Mar 2027"), text);
        assertTrue(html.contains("data-testid=\"my-vote\">Conflict of interest</strong>"), html);
        assertFalse(text.contains("2027-02-20"), text);
    }

    @Test
    void the_staff_donations_page_filters_by_states_in_words_and_dates_each_gift_as_people_read_it() {
        Map<String, Object> gift = new HashMap<>();
        gift.put("id", "d1");
        gift.put("pledgedAt", "2026-11-23T22:47:10.123456Z");
        gift.put("donorName", "Ada");
        gift.put("guest", false);
        gift.put("fundCode", "general");
        gift.put("method", "CARD");
        gift.put("amount", "50.00 USD");
        gift.put("status", "AWAITING_PAYMENT");
        Map<String, Object> model = new HashMap<>();
        model.put("rows", List.of(gift));
        model.put("audit", List.of());
        model.put("q", "");
        model.put("status", "AWAITING_PAYMENT");
        model.put("fund", "");
        model.put("csv", "/api/donations/staff/donations.csv?q=");
        model.put("error", null);
        model.put("unmatched", List.of());

        String html = render("staff/donations", model);

        assertTrue(
                html.contains("<option value=\"AWAITING_PAYMENT\" selected=\"selected\">Awaiting payment</option>"),
                html);
        assertTrue(html.contains("<td>23 Nov 2026</td>"), html);
        assertFalse(text(html).contains("2026-11-23"), html);
    }

    @Test
    void the_staff_donations_page_lists_money_stripe_took_back_on_payments_that_paid_no_gift_with_a_form_to_explain()
            throws Exception {
        Map<String, Object> refund = new HashMap<>();
        refund.put("stripeEventId", "evt_refund");
        refund.put("kind", "REFUND");
        refund.put("amount", "170.00 EUR");
        refund.put("byEndow", "120.00 EUR");
        refund.put("newlyTaken", "30.00 EUR");
        refund.put("paymentIntentId", "pi_ticket");
        refund.put("stripeAt", "2026-11-23T22:47:10Z");
        refund.put("ticketedEventCode", "gala-27");
        refund.put("registrants", List.of("ivy@example.org"));
        Map<String, Object> dispute = new HashMap<>();
        dispute.put("stripeEventId", "evt_dispute");
        dispute.put("kind", "DISPUTE");
        dispute.put("disputeStatus", "LOST");
        dispute.put("disputeReason", "fraudulent");
        dispute.put("amount", "120.00 EUR");
        dispute.put("newlyTaken", "0.00 EUR");
        dispute.put("paymentIntentId", "pi_other");
        dispute.put("stripeAt", "2026-11-24T08:00:00Z");
        dispute.put("registrants", List.of());
        dispute.put("explainedAt", "2026-11-25T09:00:00Z");
        dispute.put("explainedBy", "staff-1");
        dispute.put("explanation", "Lost; fee booked");
        Map<String, Object> model = new HashMap<>();
        model.put("rows", List.of());
        model.put("audit", List.of());
        model.put("q", "");
        model.put("status", "");
        model.put("fund", "");
        model.put("csv", "/api/donations/staff/donations.csv?q=");
        model.put("unmatched", List.of(refund, dispute));
        model.put("unmatchedCsv", "/api/donations/stripe/unmatched.csv");

        String html = render("staff/donations", model);
        String text = text(html);

        assertTrue(text.contains("gala-27: ivy@example.org"), text);
        assertTrue(text.contains("of which 120.00 EUR refunded by Endow on answers to the offer"), text);
        assertTrue(text.contains("Dispute, Lost (fraudulent)"), text);
        assertTrue(text.contains("Lost; fee booked (staff-1, 25 Nov 2026)"), text);
        assertTrue(text.contains("none known"), text);
        assertTrue(html.contains("data-testid=\"newly-taken\">30.00 EUR<"), html);
        assertTrue(html.contains("data-testid=\"newly-taken\">0.00 EUR<"), "a closed dispute adds nothing: " + html);
        assertTrue(html.contains("href=\"/api/donations/stripe/unmatched.csv\""), html);
        // one form, for the one not explained yet, with the CSRF token and the event id
        assertTrue(html.contains("action=\"/staff/donations/unmatched/explained\""), html);
        assertEquals(1, html.split("action=\"/staff/donations/unmatched/explained\"", -1).length - 1, html);
        assertTrue(html.contains("name=\"eventId\" value=\"evt_refund\""), html);
        assertTrue(html.contains("name=\"_csrf\" value=\"csrf-token\""), html);
        assertFalse(html.contains("value=\"evt_dispute\""), html);
    }

    @Test
    void the_staff_sponsorships_page_links_the_csv_of_every_sponsorship_for_accounting() {
        Map<String, Object> sponsorship = new HashMap<>();
        sponsorship.put("id", "s1");
        sponsorship.put("organisationName", "Comma, Inc.");
        sponsorship.put("packageCode", "supporting");
        sponsorship.put("year", 2022);
        sponsorship.put("fee", "15,000.00 USD");
        sponsorship.put("status", "PAID");
        sponsorship.put("invoiceNumber", "INV-2026-0001");
        Map<String, Object> model = new HashMap<>();
        model.put("sponsorships", List.of(sponsorship));
        model.put("error", null);

        String html = render("sponsors/staff", model);

        // the API route, which the gateway forwards with the staff member's session cookie as their token
        assertTrue(
                html.contains("<a href=\"/api/sponsors/sponsorships.csv\" data-testid=\"csv\">Download as CSV</a>"),
                html);
        assertTrue(text(html).contains("Comma, Inc."), html);
    }

    @Test
    void the_staff_ledger_names_kinds_in_words_and_says_when_in_utc_to_the_minute() {
        Map<String, Object> line = new HashMap<>();
        line.put("account", "cash");
        line.put("fundCode", "general");
        line.put("debit", "10.00 USD");
        line.put("credit", "");
        Map<String, Object> entry = new HashMap<>();
        entry.put("kind", "DONATION_CHARGED_BACK");
        entry.put("fundCode", "general");
        entry.put("description", "Chargeback");
        entry.put("occurredAt", "2026-11-23T10:00:42.123Z");
        entry.put("lines", List.of(line));
        Map<String, Object> model = new HashMap<>();
        model.put("items", List.of());
        model.put("entries", List.of(entry));
        model.put("audit", List.of());
        model.put("rates", List.of());
        model.put("filter", Map.of("fund", "", "kind", "DONATION_CHARGED_BACK", "from", "", "to", ""));
        model.put("kinds", List.of("DONATION_PLEDGED", "DONATION_CHARGED_BACK"));
        model.put("done", null);
        model.put("errors", Map.of());
        model.put("kept", Map.of());
        model.put("error", null);

        String html = render("staff/funds", model);

        assertTrue(
                html.contains(
                        "<option value=\"DONATION_CHARGED_BACK\" selected=\"selected\">Donation charged back</option>"),
                html);
        assertTrue(html.contains("<td>23 Nov 2026, 10:00 UTC</td>"), html);
        assertFalse(text(html).contains("2026-11-23"), html);
    }

    @Test
    void the_staff_ledger_offers_the_journal_of_the_filtered_period_as_csv() {
        Map<String, Object> model = new HashMap<>();
        model.put("items", List.of());
        model.put("entries", List.of());
        model.put("audit", List.of());
        model.put("rates", List.of());
        model.put("filter", Map.of("fund", "", "kind", "", "from", "2026-11-01", "to", "2026-11-30"));
        model.put("kinds", List.of("DONATION_PLEDGED"));
        model.put("done", null);
        model.put("errors", Map.of());
        model.put("kept", Map.of());
        model.put("error", null);

        String html = render("staff/funds", model);

        int form = html.indexOf("<form method=\"get\" action=\"/staff/funds/ledger.csv\"");
        assertTrue(form >= 0, html);
        String csv = html.substring(form, html.indexOf("</form>", form));
        assertTrue(
                csv.contains("<input id=\"csv-from\" name=\"from\" type=\"date\" required value=\"2026-11-01\">"), csv);
        assertTrue(csv.contains("<input id=\"csv-to\" name=\"to\" type=\"date\" required value=\"2026-11-30\">"), csv);
        assertTrue(text(csv).contains("Download the ledger as CSV"), csv);
    }
}
