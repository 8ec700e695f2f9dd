package org.endow.gateway.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.kernel.HumanTime;
import org.endow.platform.problem.Problem;

/** The donor's own space: their gifts with status, and their receipts to download as issued. */
@Controller("/account/giving")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class GivingPageController {

    private final PortalPages pages;
    private final DonationsClient donations;
    private final CsrfTokens csrf;
    private final DonationsFiles files;

    GivingPageController(PortalPages pages, DonationsClient donations, CsrfTokens csrf, DonationsFiles files) {
        this.pages = pages;
        this.donations = donations;
        this.csrf = csrf;
        this.files = files;
    }

    /** An annual statement is a page or two. */
    private static final int STATEMENT_MAX_BYTES = 2 * 1024 * 1024;

    /** One row of the page, formatted for people. */
    record Row(String id, String date, String fund, String amount, String status, String method, boolean recognised) {}

    record MonthlyRow(String id, String since, String fund, String amount, String status, boolean cancellable) {}

    record ReceiptRow(String number, String issued, String fund, String amount, String href) {}

    @Get
    HttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication authentication) {
        return render(request, authentication, null, null, HttpStatus.OK);
    }

    /**
     * The donor's annual statement for a fiscal year: the donations service makes it (with the donor's token, so it
     * decides whose and whether) and the portal hands it on as the same download; a refusal (a year not yet begun,
     * no donor role) is shown on this page with the service's reason.
     */
    @Get("/statements/{year}.pdf")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    HttpResponse<?> statement(
            HttpRequest<?> request, @PathVariable String year, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/giving"));
        }
        if (!year.matches("\\d{4}")) {
            return render(
                    request,
                    authentication,
                    null,
                    null,
                    "No statement for " + year + ": a year is like 2026",
                    HttpStatus.NOT_FOUND);
        }
        ServiceClient.Download file = files.download(
                PortalPages.token(request), "/api/donations/receipts/statements/" + year + ".pdf", STATEMENT_MAX_BYTES);
        if (file.ok()) {
            return file.response();
        }
        Problem problem = file.problem();
        return render(
                request,
                authentication,
                null,
                null,
                "No statement for " + year + ": " + problem.summary(),
                HttpStatus.valueOf(problem.status()));
    }

    /** The donor ends a monthly gift; the provider confirms it, and the page says so. */
    @Post(value = "/monthly/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(
            HttpRequest<?> request,
            @PathVariable String id,
            @Body Map<String, String> form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/giving"));
        }
        if (!csrf.isValid(request, form.get(CsrfTokens.FIELD))) {
            return render(request, authentication, "Your form expired. Please try again.", null, HttpStatus.FORBIDDEN);
        }
        Problem problem = donations.cancelMonthly(PortalPages.token(request), id);
        if (problem != null) {
            return render(request, authentication, problem.detail(), null, HttpStatus.valueOf(problem.status()));
        }
        return render(
                request,
                authentication,
                null,
                "Your monthly gift is being cancelled; no further payments will be taken.",
                HttpStatus.OK);
    }

    /** The donor shows or hides one gift among the transparency page's recent gifts. */
    @Post(value = "/{id}/recognition", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recognition(
            HttpRequest<?> request,
            @PathVariable String id,
            @Body Map<String, String> form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/giving"));
        }
        if (!csrf.isValid(request, form.get(CsrfTokens.FIELD))) {
            return render(request, authentication, "Your form expired. Please try again.", null, HttpStatus.FORBIDDEN);
        }
        Problem problem =
                donations.changeRecognition(PortalPages.token(request), id, "true".equals(form.get("consent")));
        if (problem != null) {
            return render(request, authentication, problem.detail(), null, HttpStatus.valueOf(problem.status()));
        }
        return HttpResponse.seeOther(URI.create("/account/giving"));
    }

    private HttpResponse<?> render(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            @Nullable String monthlyError,
            @Nullable String monthlyNotice,
            HttpStatus status) {
        return render(request, authentication, monthlyError, monthlyNotice, null, status);
    }

    private HttpResponse<?> render(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            @Nullable String monthlyError,
            @Nullable String monthlyNotice,
            @Nullable String statementError,
            HttpStatus status) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/giving"));
        }
        String token = request.getCookies()
                .findCookie(SessionTokens.COOKIE)
                .map(c -> c.getValue())
                .orElse("");
        Optional<DonationsClient.Giving> giving = donations.giving(token);
        Map<String, Object> model = new HashMap<>();
        model.put("available", giving.isPresent());
        model.put(
                "gifts",
                giving.map(g -> g.pledges().stream()
                                .map(p -> new Row(
                                        p.id(),
                                        p.pledgedAt() == null ? "" : HumanTime.DAY.format(p.pledgedAt()),
                                        p.fundCode(),
                                        Amounts.format(p.amountMinor(), p.currency()),
                                        p.status().toLowerCase(),
                                        p.method().replace('_', ' ').toLowerCase(),
                                        p.recognised()))
                                .toList())
                        .orElse(List.of()));
        model.put(
                "receipts",
                giving.map(g -> g.receipts().stream()
                                .map(r -> new ReceiptRow(
                                        r.number(),
                                        HumanTime.DAY.format(r.issuedAt()),
                                        r.fundCode(),
                                        Amounts.format(r.amountMinor(), r.currency()),
                                        "/api/donations/receipts/" + r.number() + ".pdf"))
                                .toList())
                        .orElse(List.of()));
        model.put(
                "monthly",
                donations.monthly(token).stream()
                        .map(m -> new MonthlyRow(
                                m.id(),
                                m.startedAt() == null ? "not started" : HumanTime.DAY.format(m.startedAt()),
                                m.fundCode(),
                                Amounts.format(m.amountMinor(), m.currency()),
                                m.status().replace('_', ' ').toLowerCase(),
                                !"CANCELLED".equals(m.status())))
                        .toList());
        int thisYear = java.time.Year.now(ZoneOffset.UTC).getValue();
        model.put("statementYears", List.of(thisYear, thisYear - 1, thisYear - 2));
        model.put("monthlyError", monthlyError);
        model.put("monthlyNotice", monthlyNotice);
        model.put("statementError", statementError);
        return pages.page(request, authentication, "giving", "My giving", model, status);
    }
}
