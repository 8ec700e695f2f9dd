package org.endow.gateway.portal.grants;

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
import org.endow.gateway.portal.Shown;
import org.endow.platform.problem.Problem;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * The grants pages: applicants draft, submit, accept their award and report; the working group checks,
 * discusses and votes; staff approve, pay and look at everything. Every action is a form posted here and
 * passed to the grant-proposals service with the person's own token: the service decides who may.
 */
@Controller("/grants")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class GrantsPortalController {

    private final GrantsClient grants;
    private final PortalPages pages;

    GrantsPortalController(GrantsClient grants, PortalPages pages) {
        this.grants = grants;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> mine(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants");
        }
        Caller caller = Caller.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "proposals",
                caller.has(Roles.APPLICANT)
                        ? withAmounts(grants.get(PortalPages.token(request), "/api/grants/proposals/mine")
                                .list())
                        : List.of());
        roles(model, caller);
        return pages.page(request, authentication, "grants/mine", "My grant proposals", model, HttpStatus.OK);
    }

    @Get("/new")
    HttpResponse<?> newForm(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/new");
        }
        return form(request, authentication, null, ProposalForm.empty(), Map.of(), HttpStatus.OK);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body ProposalForm form, @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/new");
        }
        return save(request, authentication, null, form);
    }

    @Get("/proposals/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, @PathVariable String id, @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/proposals/" + id + "/edit");
        }
        GrantsClient.Result found = grants.get(PortalPages.token(request), "/api/grants/proposals/" + id);
        if (!found.ok()) {
            return problemPage(request, authentication, found.problem());
        }
        return form(request, authentication, id, ProposalForm.of(found.object()), Map.of(), HttpStatus.OK);
    }

    @Post(value = "/proposals/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(
            HttpRequest<?> request,
            @PathVariable String id,
            @Body ProposalForm form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/proposals/" + id + "/edit");
        }
        return save(request, authentication, id, form);
    }

    @Get("/proposals/{id}")
    HttpResponse<?> proposal(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @QueryValue String done,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/proposals/" + id);
        }
        return detail(request, authentication, id, done, null, HttpStatus.OK);
    }

    /** One button or small form on the proposal page: the service decides whether this person may. */
    @Post(value = "/proposals/{id}/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(
            HttpRequest<?> request,
            @PathVariable String id,
            @Body ActionForm form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/proposals/" + id);
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return detail(
                    request, authentication, id, null, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        String token = PortalPages.token(request);
        String message = form.message() == null ? "" : form.message();
        String review = "/api/grants/review/proposals/" + id;
        String staff = "/api/grants/staff/proposals/" + id;
        String own = "/api/grants/proposals/" + id;
        // a form sends text: the milestone number is read here, not by the (strict) JSON binding
        int n = form.milestone() != null && form.milestone().matches("[1-9][0-9]{0,2}")
                ? Integer.parseInt(form.milestone())
                : 1;
        GrantsClient.Result result = switch (form.action() == null ? "" : form.action()) {
            case "submit" -> grants.post(token, own + "/submission", Map.of());
            case "accept-award" -> grants.post(token, own + "/acceptance", Map.of());
            case "report" -> grants.post(token, own + "/milestones/" + n + "/report", Map.of("text", message));
            case "more-information" -> grants.post(token, review + "/more-information", Map.of("message", message));
            case "complete" -> grants.post(token, review + "/completeness", Map.of());
            case "fast-track" -> grants.post(token, review + "/fast-track", Map.of());
            case "object" -> grants.post(token, review + "/objection", Map.of("message", message));
            case "comment" -> grants.post(token, review + "/comments", Map.of("message", message));
            case "open-vote" -> grants.post(token, review + "/vote-opening", Map.of());
            case "vote" ->
                grants.post(token, review + "/votes", Map.of("choice", form.choice() == null ? "" : form.choice()));
            case "board-approve" ->
                grants.post(token, review + "/board-decision", Map.of("approve", true, "note", message));
            case "board-reject" ->
                grants.post(token, review + "/board-decision", Map.of("approve", false, "note", message));
            case "approve" -> grants.post(token, staff + "/approval", Map.of());
            case "decline" -> grants.post(token, staff + "/refusal", Map.of("reason", message));
            case "funds-again" -> grants.post(token, staff + "/funds-request", Map.of());
            case "withdraw" -> grants.post(token, staff + "/withdrawal", Map.of("reason", message));
            case "disburse" -> grants.post(token, staff + "/milestones/" + n + "/disbursement", Map.of());
            case "accept-report" -> grants.post(token, staff + "/milestones/" + n + "/report-acceptance", Map.of());
            default ->
                GrantsClient.Result.failed(
                        new Problem("about:blank", "Bad request", 400, "Unknown action", request.getPath(), List.of()));
        };
        if (!result.ok()) {
            return detail(
                    request,
                    authentication,
                    id,
                    null,
                    result.problem().summary(),
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create(
                "/grants/proposals/" + id + "?done=" + URLEncoder.encode(form.action(), StandardCharsets.UTF_8)));
    }

    /** The applicant attaches a PDF (multipart form); the service checks it is a PDF within the limit. */
    @Post(value = "/proposals/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> attach(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @io.micronaut.http.annotation.Part("name") String name,
            @Nullable @io.micronaut.http.annotation.Part("_csrf") String csrf,
            @Nullable @io.micronaut.http.annotation.Part("file") io.micronaut.http.multipart.CompletedFileUpload file,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/proposals/" + id);
        }
        if (!pages.csrfValid(request, csrf)) {
            return detail(
                    request, authentication, id, null, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        if (file == null || name == null || name.isBlank()) {
            return detail(
                    request,
                    authentication,
                    id,
                    null,
                    "Choose the document and a PDF file.",
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (java.io.IOException e) {
            return detail(request, authentication, id, null, "The file could not be read.", HttpStatus.BAD_REQUEST);
        }
        String path = "/api/grants/proposals/" + id + "/attachments/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "?filename="
                + URLEncoder.encode(file.getFilename(), StandardCharsets.UTF_8);
        GrantsClient.Result result = grants.postPdf(PortalPages.token(request), path, content);
        if (!result.ok()) {
            return detail(
                    request,
                    authentication,
                    id,
                    null,
                    result.problem().summary(),
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create("/grants/proposals/" + id + "?done=attached"));
    }

    @Get("/review")
    HttpResponse<?> review(
            HttpRequest<?> request, @Nullable @QueryValue String state, @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/review");
        }
        String token = PortalPages.token(request);
        Map<String, Object> model = new HashMap<>();
        boolean filtered = state != null && state.matches("[A-Z_]{1,30}");
        GrantsClient.Result queue = grants.get(token, "/api/grants/review/queue" + (filtered ? "?state=" + state : ""));
        if (!queue.ok()) {
            return problemPage(request, authentication, queue.problem());
        }
        model.put("queue", withAmounts(queue.list()));
        model.put(
                "pending",
                withAmounts(
                        grants.get(token, "/api/grants/review/pending-votes").list()));
        model.put("state", filtered ? state : "");
        roles(model, Caller.of(authentication));
        return pages.page(request, authentication, "grants/review", "Grants review", model, HttpStatus.OK);
    }

    @Get("/staff")
    HttpResponse<?> staff(
            HttpRequest<?> request,
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String category,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return signIn("/grants/staff");
        }
        String token = PortalPages.token(request);
        StringBuilder query = new StringBuilder();
        if (state != null && state.matches("[A-Z_]{1,30}")) {
            query.append("state=").append(state);
        }
        if (category != null && category.matches("[a-z0-9-]{1,40}")) {
            query.append(query.isEmpty() ? "" : "&").append("category=").append(category);
        }
        String suffix = query.isEmpty() ? "" : "?" + query;
        GrantsClient.Result all = grants.get(token, "/api/grants/staff/proposals" + suffix);
        if (!all.ok()) {
            return problemPage(request, authentication, all.problem());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("proposals", withAmounts(all.list()));
        List<Map<String, Object>> totals = new ArrayList<>();
        for (Object row : grants.get(token, "/api/grants/staff/totals").list()) {
            if (row instanceof Map<?, ?> t) {
                Map<String, Object> shown = new HashMap<>();
                t.forEach((k, v) -> shown.put(String.valueOf(k), v));
                shown.put("requested", money(t.get("requestedMinor"), t.get("currency")));
                shown.put("awarded", money(t.get("awardedMinor"), t.get("currency")));
                totals.add(shown);
            }
        }
        model.put("totals", totals);
        model.put("categories", grants.get(token, "/api/grants/categories").list());
        model.put("state", state == null ? "" : state);
        model.put("category", category == null ? "" : category);
        model.put("csv", "/api/grants/staff/proposals.csv" + suffix);
        roles(model, Caller.of(authentication));
        return pages.page(request, authentication, "grants/staff", "All grant proposals", model, HttpStatus.OK);
    }

    private HttpResponse<?> save(
            HttpRequest<?> request, Authentication authentication, @Nullable String id, ProposalForm form) {
        if (!pages.csrfValid(request, form._csrf())) {
            return form(
                    request,
                    authentication,
                    id,
                    form,
                    Map.of("form", "Your form expired. Please try again."),
                    HttpStatus.FORBIDDEN);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> categories = categoriesShown(
                grants.get(PortalPages.token(request), "/api/grants/categories").list());
        Map<String, Object> body = form.toRequest(ProposalForm.currencyOf(form.categoryCode(), categories), errors);
        if (!errors.isEmpty()) {
            return form(request, authentication, id, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String token = PortalPages.token(request);
        GrantsClient.Result result = id == null
                ? grants.post(token, "/api/grants/proposals", body)
                : grants.put(token, "/api/grants/proposals/" + id, body);
        if (!result.ok()) {
            for (Problem.FieldError error : result.problem().errors()) {
                errors.merge(field(error.field()), error.message(), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("form", result.problem().detail());
            }
            return form(
                    request,
                    authentication,
                    id,
                    form,
                    errors,
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(
                URI.create("/grants/proposals/" + result.object().get("id") + "?done=saved"));
    }

    private HttpResponse<?> form(
            HttpRequest<?> request,
            Authentication authentication,
            @Nullable String id,
            ProposalForm form,
            Map<String, String> errors,
            HttpStatus status) {
        Map<String, Object> model = formModel(
                categoriesShown(grants.get(PortalPages.token(request), "/api/grants/categories")
                        .list()),
                form);
        model.put("errors", errors);
        model.put("id", id);
        return pages.page(
                request,
                authentication,
                "grants/form",
                id == null ? "New grant proposal" : "Edit grant proposal",
                model,
                status);
    }

    /**
     * The form's categories and fields, with the currency its amounts are read in ({@code currency}: the chosen
     * category's) and whether the categories grant in more than one ({@code severalCurrencies}).
     */
    static Map<String, Object> formModel(List<Map<String, Object>> categories, ProposalForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("categories", categories);
        model.put("form", form);
        model.put("currency", ProposalForm.currencyOf(form.categoryCode(), categories));
        model.put(
                "severalCurrencies",
                categories.stream().map(c -> c.get("currency")).distinct().count() > 1);
        return model;
    }

    private HttpResponse<?> detail(
            HttpRequest<?> request,
            Authentication authentication,
            String id,
            @Nullable String done,
            @Nullable String error,
            HttpStatus status) {
        GrantsClient.Result found = grants.get(PortalPages.token(request), "/api/grants/proposals/" + id);
        if (!found.ok()) {
            return problemPage(request, authentication, found.problem());
        }
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> proposal = found.object();
        model.put("p", proposal);
        model.put("done", done == null ? null : DONE.getOrDefault(done, "Done."));
        model.put("until", Shown.INSTANCE.when(proposal.get("deadline")));
        List<String> budget = new ArrayList<>();
        if (proposal.get("budgetLines") instanceof List<?> lines) {
            for (Object line : lines) {
                if (line instanceof Map<?, ?> l) {
                    budget.add(l.get("item") + ": " + money(l.get("amountMinor"), proposal.get("currency")));
                }
            }
        }
        model.put("budget", budget);
        List<String> history = new ArrayList<>();
        if (proposal.get("history") instanceof List<?> steps) {
            for (Object step : steps) {
                if (step instanceof Map<?, ?> s) {
                    history.add(Shown.INSTANCE.when(s.get("at")) + " · " + s.get("action")
                            + (s.get("note") == null ? "" : " · " + s.get("note")));
                }
            }
        }
        model.put("history", history);
        model.put("error", error);
        model.put("amount", money(proposal.get("amountMinor"), proposal.get("currency")));
        Object available = proposal.get("availableMinor");
        model.put("available", available == null ? null : money(available, proposal.get("currency")));
        List<Map<String, Object>> milestones = new ArrayList<>();
        if (proposal.get("milestones") instanceof List<?> list) {
            for (Object m : list) {
                if (m instanceof Map<?, ?> map) {
                    Map<String, Object> row = new HashMap<>();
                    map.forEach((k, v) -> row.put(String.valueOf(k), v));
                    row.put("amount", money(map.get("amountMinor"), proposal.get("currency")));
                    milestones.add(row);
                }
            }
        }
        model.put("milestones", milestones);
        model.put("withdrawable", withdrawable(proposal));
        Object code = proposal.get("categoryCode");
        List<Object> required = new ArrayList<>();
        if (code != null && code.toString().matches("[a-z0-9-]{1,40}")) {
            Object names = grants.get(PortalPages.token(request), "/api/grants/categories/" + code)
                    .object()
                    .get("requiredAttachments");
            if (names instanceof List<?> list) {
                required.addAll(list);
            }
        }
        model.put("requiredAttachments", required);
        roles(model, Caller.of(authentication));
        return pages.page(
                request, authentication, "grants/proposal", String.valueOf(proposal.get("title")), model, status);
    }

    /**
     * Whether staff may still withdraw the grant, as the service decides it: awarded or active, with a milestone not
     * yet paid (once every milestone is paid nothing is left to withdraw, and the service refuses).
     */
    static boolean withdrawable(Map<String, Object> proposal) {
        Object state = proposal.get("state");
        if (!"AWARDED".equals(state) && !"ACTIVE".equals(state)) {
            return false;
        }
        if (!(proposal.get("milestones") instanceof List<?> milestones) || milestones.isEmpty()) {
            return true;
        }
        return milestones.stream()
                .anyMatch(m -> !(m instanceof Map<?, ?> milestone) || !"DISBURSED".equals(milestone.get("payment")));
    }

    /** Proposals from the service, each with its amount formatted for people ({@code amount}). */
    static List<Map<String, Object>> withAmounts(List<?> proposals) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Object proposal : proposals) {
            if (proposal instanceof Map<?, ?> p) {
                Map<String, Object> row = new HashMap<>();
                p.forEach((k, v) -> row.put(String.valueOf(k), v));
                row.put("amount", money(p.get("amountMinor"), p.get("currency")));
                row.put("until", p.get("deadline") == null ? null : Shown.INSTANCE.when(p.get("deadline")));
                shown.add(row);
            }
        }
        return shown;
    }

    /** What the page says after an action went through. */
    static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("saved", "Your draft is saved."),
            Map.entry("attached", "The document is attached."),
            Map.entry("submit", "Submitted: the working group's chair will check it is complete."),
            Map.entry("accept-award", "You accepted the award letter. The first milestone can now be paid."),
            Map.entry("report", "Your progress report is submitted."),
            Map.entry("more-information", "The applicant is asked for more information."),
            Map.entry("complete", "The proposal is complete: the discussion is open."),
            Map.entry("fast-track", "The proposal is on the fast track: members may object."),
            Map.entry("object", "Your objection is recorded: the proposal goes to discussion and a vote."),
            Map.entry("comment", "Your comment is added."),
            Map.entry("open-vote", "The vote is open."),
            Map.entry("vote", "Your vote is recorded."),
            Map.entry("board-approve", "The Board's decision is recorded."),
            Map.entry("board-reject", "The Board's decision is recorded."),
            Map.entry("approve", "The grant is approved; the award letter is sent."),
            Map.entry("decline", "The grant is declined."),
            Map.entry("funds-again", "The funds are asked again."),
            Map.entry(
                    "withdraw",
                    "The grant is withdrawn; the applicant is told and the funds release what was reserved."),
            Map.entry("disburse", "The milestone is paid."),
            Map.entry("accept-report", "The report is accepted."));

    private HttpResponse<?> problemPage(HttpRequest<?> request, Authentication authentication, Problem problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", problem.summary());
        roles(model, Caller.of(authentication));
        model.put("proposals", List.of());
        return pages.page(
                request, authentication, "grants/mine", "Grants", model, HttpStatus.valueOf(problem.status()));
    }

    private static void roles(Map<String, Object> model, Caller caller) {
        model.put("isApplicant", caller.has(Roles.APPLICANT));
        model.put("isReviewer", caller.has(Roles.GRANTS_WG) || caller.has(Roles.STAFF));
        model.put("isStaff", caller.has(Roles.STAFF));
        model.put("isBoard", caller.has(Roles.ADMIN));
    }

    /** The service's field names to the form's ({@code amountMinor} is typed as {@code amount}). */
    private static String field(String field) {
        return switch (field) {
            case "amountMinor" -> "amount";
            case "budgetLines" -> "budget";
            default -> field;
        };
    }

    /** The categories as the service sent them, each with its cap as people read it ({@code cap}: "1,400,000 JPY"). */
    static List<Map<String, Object>> categoriesShown(List<?> categories) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Object category : categories) {
            if (category instanceof Map<?, ?> c) {
                Map<String, Object> row = new HashMap<>();
                c.forEach((k, v) -> row.put(String.valueOf(k), v));
                row.put("cap", money(c.get("capMinor"), c.get("currency")));
                shown.add(row);
            }
        }
        return shown;
    }

    static String money(Object minor, Object currency) {
        if (!(minor instanceof Number number) || currency == null) {
            return "";
        }
        return Amounts.format(number.longValue(), currency.toString());
    }

    private static HttpResponse<?> signIn(String next) {
        return HttpResponse.seeOther(URI.create("/signin?next=" + next));
    }

    /**
     * One action on a proposal.
     *
     * @param action what to do (submit, vote, approve, ...)
     * @param choice for a vote: AYE, NAY, ABSTAIN or CONFLICT
     * @param message the text of a request for information, comment, objection, report or reason
     * @param milestone the milestone paid or reported on
     */
    @Serdeable
    record ActionForm(
            @Nullable String action,
            @Nullable String choice,
            @Nullable String message,
            @Nullable String milestone,
            @Nullable String _csrf) {}
}
