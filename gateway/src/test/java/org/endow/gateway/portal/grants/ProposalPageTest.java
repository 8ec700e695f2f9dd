package org.endow.gateway.portal.grants;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.PageTemplates;
import org.junit.jupiter.api.Test;

/** What staff are offered on a grant's page, from what the grants service returned. */
class ProposalPageTest {

    @Test
    void a_grant_whose_milestones_are_all_paid_offers_no_withdrawal() {
        String html = page("ACTIVE", List.of(milestone(1, "DISBURSED"), milestone(2, "DISBURSED")));

        assertFalse(html.contains("id=\"withdraw-grant\""), html);
        assertTrue(html.contains("Every milestone of this grant is paid: nothing is left to withdraw."), html);
    }

    @Test
    void a_grant_with_a_milestone_still_to_pay_can_be_withdrawn() {
        String html = page("ACTIVE", List.of(milestone(1, "DISBURSED"), milestone(2, "PENDING")));

        assertTrue(html.contains("id=\"withdraw-grant\""), html);
        assertFalse(html.contains("nothing is left to withdraw"), html);
    }

    @Test
    void an_awarded_grant_not_yet_accepted_can_be_withdrawn() {
        assertTrue(page("AWARDED", List.of(milestone(1, "PENDING"))).contains("id=\"withdraw-grant\""));
        assertTrue(page("AWARDED", List.of()).contains("id=\"withdraw-grant\""));
        assertFalse(page("COMPLETED", List.of(milestone(1, "DISBURSED"))).contains("id=\"withdraw-grant\""));
    }

    private static Map<String, Object> milestone(int number, String payment) {
        return Map.of(
                "number",
                number,
                "title",
                "Part " + number,
                "amountMinor",
                100_000,
                "payment",
                payment,
                "report",
                "NONE");
    }

    private static String page(String state, List<Map<String, Object>> milestones) {
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("id", "p-1");
        proposal.put("title", "Sprint");
        proposal.put("state", state);
        proposal.put("mine", false);
        proposal.put("currency", "USD");
        proposal.put("milestones", milestones);
        proposal.put("attachments", List.of());
        proposal.put("comments", List.of());
        Map<String, Object> model = new HashMap<>();
        model.put("p", proposal);
        model.put("budget", List.of());
        model.put("history", List.of());
        model.put("requiredAttachments", List.of());
        model.put("milestones", milestones);
        model.put("withdrawable", GrantsPortalController.withdrawable(proposal));
        model.put("isStaff", true);
        model.put("isReviewer", true);
        model.put("isBoard", false);
        model.put("isApplicant", false);
        return PageTemplates.render("grants/proposal", model);
    }
}
