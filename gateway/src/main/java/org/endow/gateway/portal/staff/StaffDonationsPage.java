package org.endow.gateway.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.Amounts;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;

/**
 * Staff: find gifts by donor, status and fund, export them as CSV, read the donations audit log, and see the money
 * Stripe took back on payments that paid no gift (refunds and disputes, e.g. of a cancelled event's tickets), marking
 * each explained with a note.
 */
@Controller("/staff/donations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class StaffDonationsPage {

    /** How many of the latest unmatched Stripe events the page lists (all are in the CSV). */
    static final int UNMATCHED_SHOWN = 100;

    private static final String STRIPE_EVENT_ID = "evt_[A-Za-z0-9_]{1,200}";

    private final DonationsApi donations;
    private final PortalPages pages;

    StaffDonationsPage(DonationsApi donations, PortalPages pages) {
        this.donations = donations;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> search(
            HttpRequest<?> request,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String fund,
            @Nullable @QueryValue String done,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/donations"));
        }
        return render(
                request,
                authentication,
                q,
                status,
                fund,
                "explained".equals(done) ? "Marked explained." : null,
                null,
                HttpStatus.OK);
    }

    /**
     * Staff mark money Stripe took back on a payment that paid no gift as explained, with a note: passed on to the
     * donations service (which audits it and refuses a second mark with 409) with the staff member's own token.
     */
    @Post(value = "/unmatched/explained", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> explain(HttpRequest<?> request, @Body ExplainForm form, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/donations"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return render(
                    request,
                    authentication,
                    null,
                    null,
                    null,
                    null,
                    "Your form expired. Please try again.",
                    HttpStatus.FORBIDDEN);
        }
        String eventId = form.eventId() == null ? "" : form.eventId().strip();
        if (!eventId.matches(STRIPE_EVENT_ID)) {
            return render(
                    request, authentication, null, null, null, null, "No such Stripe event", HttpStatus.BAD_REQUEST);
        }
        ServiceClient.Result result = donations.post(
                PortalPages.token(request),
                "/api/donations/stripe/unmatched/" + eventId + "/explained",
                Map.of("note", form.note() == null ? "" : form.note()));
        if (!result.ok()) {
            return render(
                    request,
                    authentication,
                    null,
                    null,
                    null,
                    null,
                    result.problem().summary(),
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create("/staff/donations?done=explained"));
    }

    private HttpResponse<?> render(
            HttpRequest<?> request,
            Authentication authentication,
            @Nullable String q,
            @Nullable String status,
            @Nullable String fund,
            @Nullable String done,
            @Nullable String actionError,
            HttpStatus httpStatus) {
        String query = "q=" + enc(q) + "&status=" + enc(status) + "&fund=" + enc(fund);
        String token = PortalPages.token(request);
        ServiceClient.Result found = donations.get(token, "/api/donations/staff/donations?" + query);
        ServiceClient.Result audit = donations.get(token, "/api/donations/audit?limit=20");
        ServiceClient.Result unmatched =
                donations.get(token, "/api/donations/stripe/unmatched?limit=" + UNMATCHED_SHOWN);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : found.list()) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> row = new HashMap<>();
                map.forEach((k, v) -> row.put(String.valueOf(k), v));
                row.put("amount", Amounts.format(((Number) map.get("amountMinor")).longValue(), (String)
                        map.get("currency")));
                rows.add(row);
            }
        }
        List<Map<String, Object>> taken = new ArrayList<>();
        for (Object o : unmatched.list()) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> row = new HashMap<>();
                map.forEach((k, v) -> row.put(String.valueOf(k), v));
                row.put("amount", Amounts.format(((Number) map.get("amountMinor")).longValue(), (String)
                        map.get("currency")));
                if (map.get("newlyTakenMinor") instanceof Number newly) {
                    row.put("newlyTaken", Amounts.format(newly.longValue(), (String) map.get("currency")));
                }
                if (map.get("refundedByEndowMinor") instanceof Number byEndow && byEndow.longValue() > 0) {
                    row.put("byEndow", Amounts.format(byEndow.longValue(), (String) map.get("currency")));
                }
                taken.add(row);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("audit", audit.list());
        model.put("unmatched", taken);
        model.put("unmatchedError", unmatched.ok() ? null : unmatched.problem().summary());
        model.put("unmatchedCsv", "/api/donations/stripe/unmatched.csv");
        model.put("q", q == null ? "" : q);
        model.put("status", status == null ? "" : status);
        model.put("fund", fund == null ? "" : fund);
        model.put("csv", "/api/donations/staff/donations.csv?" + query);
        model.put("done", done);
        String error = actionError != null
                ? actionError
                : found.ok() ? null : found.problem().detail();
        model.put("error", error);
        HttpStatus shown = actionError != null
                ? httpStatus
                : found.ok()
                        ? HttpStatus.OK
                        : HttpStatus.valueOf(found.problem().status());
        return pages.page(request, authentication, "staff/donations", "Donations (staff)", model, shown);
    }

    private static String enc(@Nullable String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * @param eventId the Stripe event that reported the money taken back
     * @param note what it was and how it is settled
     */
    @Serdeable
    record ExplainForm(
            @Nullable String eventId,
            @Nullable String note,
            @Nullable String _csrf) {}
}
