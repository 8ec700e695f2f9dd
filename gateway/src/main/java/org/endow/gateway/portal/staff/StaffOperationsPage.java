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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * Administrators: every service's dead letters (events a consumer gave up on) and failed mails (mails the relay gave
 * up on), with a button to replay a letter or queue a mail again once the cause is fixed. The services list them and
 * act (ADMIN, audited, {@code /api/<route>/operations/**}); this page only shows their answers and passes the
 * buttons on, with the administrator's own token.
 */
@Controller("/staff/operations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class StaffOperationsPage {

    /** What the page says after a button went through. */
    static final Map<String, String> DONE = Map.of(
            "replay", "The event is sent back to its topic.",
            "requeue", "The mail is queued again.",
            "requeue-all", "The service's failed mails are queued again.");

    private final OperationsApi operations;
    private final PortalPages pages;

    StaffOperationsPage(OperationsApi operations, PortalPages pages) {
        this.operations = operations;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> page(
            HttpRequest<?> request, @Nullable @QueryValue String done, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/operations"));
        }
        return render(request, authentication, done == null ? null : DONE.get(done), null, HttpStatus.OK);
    }

    @Post(value = "/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(HttpRequest<?> request, @Body ActionForm form, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/operations"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return render(request, authentication, null, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        if (!Caller.of(authentication).has(Roles.ADMIN)) {
            return render(request, authentication, null, null, HttpStatus.FORBIDDEN);
        }
        String route = form.route() == null ? "" : form.route();
        String id = form.id() == null ? "" : form.id().strip();
        String action = form.action() == null ? "" : form.action();
        if (!operations.has(route)) {
            return render(request, authentication, null, "No service '" + route + "'", HttpStatus.BAD_REQUEST);
        }
        boolean numbered = id.matches("\\d{1,18}");
        String path = switch (action) {
            case "replay" -> numbered ? "dead-letters/" + id + "/replay" : null;
            case "requeue" -> numbered ? "failed-mails/" + id + "/requeue" : null;
            case "requeue-all" -> "failed-mails/requeue";
            default -> null;
        };
        if (path == null) {
            return render(request, authentication, null, "Unknown action", HttpStatus.BAD_REQUEST);
        }
        ServiceClient.Result result = operations.post(PortalPages.token(request), route, path);
        if (!result.ok()) {
            return render(
                    request,
                    authentication,
                    null,
                    route + ": " + result.problem().summary(),
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create("/staff/operations?done=" + action));
    }

    private HttpResponse<?> render(
            HttpRequest<?> request,
            Authentication authentication,
            @Nullable String done,
            @Nullable String error,
            HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        boolean admin = Caller.of(authentication).has(Roles.ADMIN);
        model.put("admin", admin);
        model.put("done", done);
        model.put("error", error);
        List<Map<String, Object>> services = new ArrayList<>();
        if (admin) {
            String token = PortalPages.token(request);
            for (String route : operations.routes()) {
                ServiceClient.Result letters = operations.get(token, route, "dead-letters?limit=100");
                ServiceClient.Result mails = operations.get(token, route, "failed-mails?limit=100");
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("route", route);
                service.put("deadLetters", letters.list());
                service.put(
                        "deadLettersError",
                        letters.ok() ? null : letters.problem().summary());
                service.put("failedMails", mails.list());
                service.put(
                        "failedMailsError", mails.ok() ? null : mails.problem().summary());
                services.add(service);
            }
        }
        model.put("services", services);
        return pages.page(
                request,
                authentication,
                "staff/operations",
                "Dead letters and failed mails",
                model,
                admin ? status : HttpStatus.FORBIDDEN);
    }

    /**
     * @param action {@code replay} (a dead letter), {@code requeue} (a failed mail) or {@code requeue-all}
     * @param route the service's route ({@code donations})
     * @param id the dead letter's or the mail's id
     */
    @Serdeable
    record ActionForm(
            @Nullable String action,
            @Nullable String route,
            @Nullable String id,
            @Nullable String _csrf) {}
}
