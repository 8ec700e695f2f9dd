package org.endow.gateway.portal.fellows;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;
import org.endow.platform.problem.Problem;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * The Fellow pages: a member's nominations and the nomination form; the work group's review page
 * (verify, ask for references, vote; staff merge); the token pages where a nominator adds references
 * and an elected nominee accepts; the public roster.
 */
@Controller("/fellows")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FellowsPortalController {

    private final FellowsClient fellows;
    private final PortalPages pages;

    FellowsPortalController(FellowsClient fellows, PortalPages pages) {
        this.fellows = fellows;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> mine(
            HttpRequest<?> request, @Nullable @QueryValue String done, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/fellows"));
        }
        Caller caller = Caller.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "nominations",
                fellows.get(PortalPages.token(request), "/api/fellows/nominations/mine")
                        .list());
        model.put("isWorkGroup", caller.has(Roles.FELLOWS_WG) || caller.has(Roles.STAFF));
        model.put("done", done);
        return pages.page(request, authentication, "fellows/mine", "Fellows", model, HttpStatus.OK);
    }

    @Get("/nominate")
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/fellows/nominate"));
        }
        return nominateForm(
                request, authentication, new NominationForm(null, null, null, null, null), Map.of(), HttpStatus.OK);
    }

    @Post(value = "/nominate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> nominate(
            HttpRequest<?> request, @Body NominationForm form, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/fellows/nominate"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return nominateForm(
                    request,
                    authentication,
                    form,
                    Map.of("form", "Your form expired. Please try again."),
                    HttpStatus.FORBIDDEN);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nomineeName", text(form.nomineeName()));
        body.put("nomineeEmail", text(form.nomineeEmail()));
        body.put("links", lines(form.links()));
        body.put("statement", text(form.statement()));
        ServiceClient.Result result = fellows.post(PortalPages.token(request), "/api/fellows/nominations", body);
        if (!result.ok()) {
            return nominateForm(
                    request,
                    authentication,
                    form,
                    errors(result.problem()),
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create("/fellows?done=nominated"));
    }

    @Get("/review")
    HttpResponse<?> review(
            HttpRequest<?> request, @Nullable @QueryValue String done, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/fellows/review"));
        }
        return reviewPage(request, authentication, done, null, HttpStatus.OK);
    }

    /** One action of the work group (or staff) on a nominee; the service decides whether this person may. */
    @Post(value = "/review/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(
            HttpRequest<?> request,
            @PathVariable String id,
            @Body ActionForm form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/fellows/review"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return reviewPage(
                    request, authentication, null, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        String token = PortalPages.token(request);
        String base = "/api/fellows/nominees/" + id;
        String action = form.action() == null ? "" : form.action();
        ServiceClient.Result result = switch (action) {
            case "verify" -> fellows.post(token, base + "/verification", Map.of());
            case "references" -> fellows.post(token, base + "/references-request", Map.of());
            case "vote" -> fellows.post(token, base + "/votes", Map.of("choice", text(form.choice())));
            case "merge" -> fellows.post(token, base + "/merge", Map.of("into", text(form.into())));
            default ->
                ServiceClient.Result.failed(
                        new Problem("about:blank", "Bad request", 400, "Unknown action", request.getPath(), List.of()));
        };
        if (!result.ok()) {
            return reviewPage(
                    request,
                    authentication,
                    null,
                    result.problem().summary(),
                    HttpStatus.valueOf(result.problem().status()));
        }
        String done =
                action.equals("vote") && result.object().get("message") instanceof String message ? message : action;
        return HttpResponse.seeOther(
                URI.create("/fellows/review?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8)));
    }

    @Get("/references/{token}")
    HttpResponse<?> referencesForm(
            HttpRequest<?> request, @PathVariable String token, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("error", null);
        return pages.page(request, authentication, "fellows/references", "Add references", model, HttpStatus.OK);
    }

    @Post(value = "/references/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> references(
            HttpRequest<?> request,
            @PathVariable String token,
            @Body ReferencesForm form,
            @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        if (!pages.csrfValid(request, form._csrf())) {
            model.put("error", "Your form expired. Please try again.");
            return pages.page(
                    request, authentication, "fellows/references", "Add references", model, HttpStatus.FORBIDDEN);
        }
        List<Map<String, Object>> refs = new ArrayList<>();
        String[][] given = {
            {form.name1(), form.email1(), form.relation1()},
            {form.name2(), form.email2(), form.relation2()},
            {form.name3(), form.email3(), form.relation3()}
        };
        for (String[] r : given) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", text(r[0]));
            ref.put("email", text(r[1]));
            ref.put("relation", text(r[2]));
            refs.add(ref);
        }
        ServiceClient.Result result =
                fellows.post(null, "/api/fellows/references/" + token, Map.of("references", refs));
        if (!result.ok()) {
            model.put("error", result.problem().summary());
            return pages.page(
                    request,
                    authentication,
                    "fellows/references",
                    "Add references",
                    model,
                    HttpStatus.valueOf(result.problem().status()));
        }
        model.put("done", "Thank you: the references were added and the nomination goes on to the vote.");
        return pages.page(request, authentication, "fellows/references", "Add references", model, HttpStatus.OK);
    }

    @Get("/accept/{token}")
    HttpResponse<?> acceptForm(
            HttpRequest<?> request, @PathVariable String token, @Nullable Authentication authentication) {
        ServiceClient.Result invitation = fellows.get(null, "/api/fellows/acceptance/" + token);
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("invitation", invitation.ok() ? invitation.object() : null);
        model.put("error", invitation.ok() ? null : invitation.problem().summary());
        return pages.page(
                request,
                authentication,
                "fellows/accept",
                "Accept the Fellow honour",
                model,
                invitation.ok()
                        ? HttpStatus.OK
                        : HttpStatus.valueOf(invitation.problem().status()));
    }

    @Post(value = "/accept/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(
            HttpRequest<?> request,
            @PathVariable String token,
            @Body AcceptForm form,
            @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("invitation", null);
        if (!pages.csrfValid(request, form._csrf())) {
            model.put("error", "Your form expired. Please try again.");
            return pages.page(
                    request, authentication, "fellows/accept", "Accept the Fellow honour", model, HttpStatus.FORBIDDEN);
        }
        ServiceClient.Result result =
                fellows.post(null, "/api/fellows/acceptance/" + token, Map.of("displayName", text(form.displayName())));
        if (!result.ok()) {
            model.put("error", result.problem().summary());
            return pages.page(
                    request,
                    authentication,
                    "fellows/accept",
                    "Accept the Fellow honour",
                    model,
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create("/fellows/roster"));
    }

    /** Staff: the cycle's announcement, as text to paste into the blog. */
    @Get("/cycles/{cycle}/announcement")
    HttpResponse<?> announcement(
            HttpRequest<?> request, @PathVariable String cycle, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/fellows/review"));
        }
        ServiceClient.Result draft = fellows.get(
                PortalPages.token(request),
                "/api/fellows/cycles/" + URLEncoder.encode(cycle, StandardCharsets.UTF_8) + "/announcement");
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", cycle);
        model.put("text", draft.ok() ? draft.object().get("text") : null);
        model.put("error", draft.ok() ? null : draft.problem().summary());
        return pages.page(
                request,
                authentication,
                "fellows/announcement",
                "Announcement " + cycle,
                model,
                draft.ok() ? HttpStatus.OK : HttpStatus.valueOf(draft.problem().status()));
    }

    @Get("/roster")
    HttpResponse<?> roster(HttpRequest<?> request, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("fellows", fellows.get(null, "/api/fellows/roster").list());
        return pages.page(request, authentication, "fellows/roster", "Fellows", model, HttpStatus.OK);
    }

    private HttpResponse<?> reviewPage(
            HttpRequest<?> request,
            Authentication authentication,
            @Nullable String done,
            @Nullable String error,
            HttpStatus status) {
        ServiceClient.Result page = fellows.get(PortalPages.token(request), "/api/fellows/review");
        Map<String, Object> model = new HashMap<>();
        model.put("page", page.ok() ? page.object() : null);
        model.put("isStaff", Caller.of(authentication).has(Roles.STAFF));
        model.put("done", done);
        model.put(
                "error",
                error != null ? error : page.ok() ? null : page.problem().summary());
        return pages.page(
                request,
                authentication,
                "fellows/review",
                "Fellow Work Group",
                model,
                page.ok() ? status : HttpStatus.valueOf(page.problem().status()));
    }

    private HttpResponse<?> nominateForm(
            HttpRequest<?> request,
            Authentication authentication,
            NominationForm form,
            Map<String, String> errors,
            HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        return pages.page(request, authentication, "fellows/nominate", "Nominate a Fellow", model, status);
    }

    private static Map<String, String> errors(Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError error : problem.errors()) {
            errors.merge(error.field().replaceAll("\\[.*", ""), error.message(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", problem.detail());
        }
        return errors;
    }

    private static List<String> lines(@Nullable String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    @Serdeable
    record NominationForm(
            @Nullable String nomineeName,
            @Nullable String nomineeEmail,
            @Nullable String links,
            @Nullable String statement,
            @Nullable String _csrf) {}

    @Serdeable
    record ActionForm(
            @Nullable String action,
            @Nullable String choice,
            @Nullable String into,
            @Nullable String _csrf) {}

    @Serdeable
    record ReferencesForm(
            @Nullable String name1,
            @Nullable String email1,
            @Nullable String relation1,
            @Nullable String name2,
            @Nullable String email2,
            @Nullable String relation2,
            @Nullable String name3,
            @Nullable String email3,
            @Nullable String relation3,
            @Nullable String _csrf) {}

    @Serdeable
    record AcceptForm(
            @Nullable String displayName, @Nullable String _csrf) {}
}
