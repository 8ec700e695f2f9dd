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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.Amounts;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;
import org.endow.platform.problem.Problem;

/**
 * Staff: the funded items with their balances, opening an item, moving general money to an
 * earmarked item (with a reason), recording an in-kind gift, closing an item, exchange rates for
 * gifts in other currencies, the ledger with
 * filters (and, for a period, as CSV from the funds service), an item's statement for a period (PDF), and the funds audit log. The funds service
 * decides who may do what; this page shows its answer, field by field. The CSV and the PDF are fetched from the funds
 * service with the person's token and handed on as downloads; a refusal is shown on this page, not as problem+json.
 */
@Controller("/staff/funds")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class StaffFundsPage {

    private static final String CODE = "[a-z0-9][a-z0-9-]{0,62}";
    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";
    /** The ledger's CSV of a period: at most 10,000 entries of a few lines each. */
    private static final int LEDGER_CSV_MAX_BYTES = 10 * 1024 * 1024;
    /** An item's statement: a few pages. */
    private static final int STATEMENT_MAX_BYTES = 5 * 1024 * 1024;

    private final FundsApi funds;
    private final PortalPages pages;

    StaffFundsPage(FundsApi funds, PortalPages pages) {
        this.funds = funds;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> page(
            HttpRequest<?> request,
            @Nullable @QueryValue String fund,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String done,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/funds"));
        }
        Filter filter = new Filter(fund, kind, from, to);
        return render(request, authentication, filter, done, Map.of(), HttpStatus.OK);
    }

    /**
     * The journal of a period as CSV: the funds service makes the file (with the person's token, so it decides who
     * may) and the portal hands it on as the same download; a refusal (a period over a year, too many entries, a
     * missing or reversed date) is shown on this page with the period as typed.
     */
    @Get("/ledger.csv")
    @Produces({MediaType.TEXT_HTML, "text/csv"})
    HttpResponse<?> ledgerCsv(
            HttpRequest<?> request,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/funds"));
        }
        ServiceClient.Download file = funds.download(
                PortalPages.token(request),
                "/api/funds/ledger.csv?from=" + encoded(from) + "&to=" + encoded(to),
                LEDGER_CSV_MAX_BYTES);
        if (file.ok()) {
            return file.response();
        }
        return refused(
                request,
                authentication,
                "ledger-csv",
                file.problem(),
                Map.of("csv-from", text(from), "csv-to", text(to)));
    }

    /**
     * An item's statement for a period as PDF: the funds service renders it and the portal hands it on as the same
     * download; an unknown item or a refused period is shown on this page with the form as filled in.
     */
    @Get("/statement")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    HttpResponse<?> statement(
            HttpRequest<?> request,
            @Nullable @QueryValue String code,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/funds"));
        }
        Map<String, String> kept =
                Map.of("statement-code", text(code), "statement-from", text(from), "statement-to", text(to));
        List<Problem.FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(CODE)) {
            errors.add(new Problem.FieldError("code", "choose an item"));
        }
        if (from == null || !from.matches(DAY)) {
            errors.add(new Problem.FieldError("from", "is required, a date like 2026-11-30"));
        }
        if (to == null || !to.matches(DAY)) {
            errors.add(new Problem.FieldError("to", "is required, a date like 2026-11-30"));
        }
        if (!errors.isEmpty()) {
            return refused(
                    request,
                    authentication,
                    "statement",
                    new Problem(
                            "about:blank",
                            "Invalid request",
                            422,
                            "A statement needs an item and both dates",
                            request.getPath(),
                            errors),
                    kept);
        }
        ServiceClient.Download file = funds.download(
                PortalPages.token(request),
                "/api/funds/items/" + code + "/statement.pdf?from=" + from + "&to=" + to,
                STATEMENT_MAX_BYTES);
        if (file.ok()) {
            return file.response();
        }
        return refused(request, authentication, "statement", file.problem(), kept);
    }

    /** This page again with a download's refusal: its detail, its field errors under the form's name, its status. */
    private HttpResponse<?> refused(
            HttpRequest<?> request,
            Authentication authentication,
            String form,
            Problem problem,
            Map<String, String> kept) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError error : problem.errors()) {
            errors.merge(form + "." + error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        errors.put("form", problem.detail() == null ? problem.title() : problem.detail());
        return render(
                request,
                authentication,
                new Filter(null, null, null, null),
                null,
                errors,
                kept,
                HttpStatus.valueOf(problem.status()));
    }

    private static String encoded(@Nullable String value) {
        return URLEncoder.encode(text(value), StandardCharsets.UTF_8);
    }

    @Post(value = "/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(HttpRequest<?> request, @Body ActionForm form, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/funds"));
        }
        Filter none = new Filter(null, null, null, null);
        if (!pages.csrfValid(request, form._csrf())) {
            return render(
                    request,
                    authentication,
                    none,
                    null,
                    Map.of("form", "Your form expired. Please try again."),
                    HttpStatus.FORBIDDEN);
        }
        String token = PortalPages.token(request);
        String action = form.action() == null ? "" : form.action();
        Map<String, Object> body = new LinkedHashMap<>();
        ServiceClient.Result result;
        switch (action) {
            case "open-item" -> {
                body.put("code", text(form.code()));
                body.put("title", text(form.title()));
                body.put("description", text(form.description()));
                body.put("kind", text(form.kind()));
                body.put("targetMinor", minor(form.amount(), form.currency()));
                body.put("currency", text(form.currency()));
                result = funds.post(token, "/api/funds/items", body);
            }
            case "transfer" -> {
                body.put("fromFund", "general");
                body.put("toFund", text(form.code()));
                body.put("amountMinor", minor(form.amount(), form.currency()));
                body.put("currency", text(form.currency()));
                body.put("reason", text(form.description()));
                result = funds.post(token, "/api/funds/transfers", body);
            }
            case "in-kind" -> {
                body.put("fundCode", text(form.code()));
                body.put("valueMinor", minor(form.amount(), form.currency()));
                body.put("currency", text(form.currency()));
                body.put("description", text(form.description()));
                result = funds.post(token, "/api/funds/in-kind", body);
            }
            case "rate" -> {
                body.put("currency", text(form.currency()));
                body.put("ledgerCurrency", "USD");
                body.put("rate", text(form.amount()));
                result = funds.post(token, "/api/funds/exchange-rates", body);
            }
            case "close-item" -> {
                String code = text(form.code());
                result = code.matches(CODE)
                        ? funds.patch(token, "/api/funds/items/" + code, Map.of("status", "CLOSED"))
                        : failed(request, "Choose an item to close");
            }
            default -> result = failed(request, "Unknown action");
        }
        if (!result.ok()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Problem.FieldError error : result.problem().errors()) {
                errors.merge(action + "." + error.field(), error.message(), (a, b) -> a + "; " + b);
            }
            errors.put("form", result.problem().detail());
            return render(
                    request,
                    authentication,
                    none,
                    null,
                    errors,
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(
                URI.create("/staff/funds?done=" + URLEncoder.encode(action, StandardCharsets.UTF_8)));
    }

    private HttpResponse<?> render(
            HttpRequest<?> request,
            Authentication authentication,
            Filter filter,
            @Nullable String done,
            Map<String, String> errors,
            HttpStatus status) {
        return render(request, authentication, filter, done, errors, Map.of(), status);
    }

    /** The page; {@code kept}: a download form's values as typed (by input id), shown again after a refusal. */
    private HttpResponse<?> render(
            HttpRequest<?> request,
            Authentication authentication,
            Filter filter,
            @Nullable String done,
            Map<String, String> errors,
            Map<String, String> kept,
            HttpStatus status) {
        String token = PortalPages.token(request);
        ServiceClient.Result items = funds.get(token, "/api/funds/items");
        ServiceClient.Result ledger = funds.get(token, "/api/funds/ledger?limit=100" + filter.query());
        ServiceClient.Result audit = funds.get(token, "/api/funds/audit?limit=20");
        ServiceClient.Result rates = funds.get(token, "/api/funds/exchange-rates");
        List<Map<String, Object>> itemRows = new ArrayList<>();
        for (Object o : items.list()) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> row = copy(map);
                String currency = (String) map.get("currency");
                for (String figure : List.of("target", "raised", "reserved", "disbursed", "available", "pledged")) {
                    Object value = map.get(figure + "Minor");
                    row.put(figure, value instanceof Number n ? Amounts.format(n.longValue(), currency) : "");
                }
                itemRows.add(row);
            }
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object o : ledger.list()) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> row = copy(map);
                List<Map<String, Object>> lines = new ArrayList<>();
                if (map.get("lines") instanceof List<?> list) {
                    for (Object l : list) {
                        if (l instanceof Map<?, ?> line) {
                            Map<String, Object> formatted = copy(line);
                            String currency = (String) line.get("currency");
                            long debit = ((Number) line.get("debitMinor")).longValue();
                            long credit = ((Number) line.get("creditMinor")).longValue();
                            formatted.put("debit", debit == 0 ? "" : Amounts.format(debit, currency));
                            formatted.put("credit", credit == 0 ? "" : Amounts.format(credit, currency));
                            lines.add(formatted);
                        }
                    }
                }
                row.put("lines", lines);
                entries.add(row);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("items", itemRows);
        model.put("entries", entries);
        model.put("audit", audit.list());
        model.put("rates", rates.list());
        model.put("filter", filter);
        model.put(
                "kinds",
                List.of(
                        "DONATION_PLEDGED",
                        "DONATION_RECEIVED",
                        "DONATION_REFUNDED",
                        "DONATION_CHARGED_BACK",
                        "SPONSORSHIP_PAID",
                        "TRANSFER",
                        "IN_KIND",
                        "GRANT_DISBURSED"));
        model.put("done", done);
        model.put("errors", errors);
        model.put("kept", kept);
        String error = !items.ok()
                ? items.problem().detail()
                : !ledger.ok() ? ledger.problem().summary() : null;
        model.put("error", error);
        return pages.page(
                request,
                authentication,
                "staff/funds",
                "Funds and ledger (staff)",
                model,
                status != HttpStatus.OK || items.ok()
                        ? status
                        : HttpStatus.valueOf(items.problem().status()));
    }

    private static ServiceClient.Result failed(HttpRequest<?> request, String detail) {
        return ServiceClient.Result.failed(
                new Problem("about:blank", "Bad request", 400, detail, request.getPath(), List.of()));
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> row = new HashMap<>();
        map.forEach((k, v) -> row.put(String.valueOf(k), v));
        return row;
    }

    /**
     * An amount typed in major units ("1,500.50") in minor units of the currency typed beside it; what cannot be read
     * goes on as typed, for the service to refuse field by field.
     */
    private static Object minor(@Nullable String amount, @Nullable String currency) {
        Long minor = Amounts.toMinor(amount, text(currency));
        return minor == null ? text(amount) : minor;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** The ledger's filters, as typed (only well-formed ones are passed on). */
    @Serdeable
    public record Filter(
            @Nullable String fund,
            @Nullable String kind,
            @Nullable String from,
            @Nullable String to) {

        String query() {
            StringBuilder q = new StringBuilder();
            if (fund != null && fund.strip().matches(CODE)) {
                q.append("&fund=").append(fund.strip());
            }
            if (kind != null && kind.matches("[A-Z_]{1,40}")) {
                q.append("&kind=").append(kind);
            }
            if (from != null && from.matches(DAY)) {
                q.append("&from=").append(from);
            }
            if (to != null && to.matches(DAY)) {
                q.append("&to=").append(to);
            }
            return q.toString();
        }
    }

    @Serdeable
    record ActionForm(
            @Nullable String action,
            @Nullable String code,
            @Nullable String title,
            @Nullable String description,
            @Nullable String kind,
            @Nullable String amount,
            @Nullable String currency,
            @Nullable String _csrf) {}
}
