package org.endow.gateway.portal.registrations;

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
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.Amounts;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;
import org.endow.gateway.routing.RouteProperties;
import org.endow.platform.problem.Problem;

/**
 * A cancelled event's registrant answers the offer from their emailed link (no sign-in: the link is
 * the key): refund everything, donate everything, or donate a part and get the rest back. Staff
 * follow the event's tally and send reminders.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RegistrationsPortalController {

    /** The portal's calls to the donations service's registrations. */
    @jakarta.inject.Singleton
    static class RegistrationsApi extends ServiceClient {
        RegistrationsApi(List<RouteProperties> routes) {
            super(routes, "donations", "Offers are");
        }
    }

    private final RegistrationsApi api;
    private final PortalPages pages;

    RegistrationsPortalController(RegistrationsApi api, PortalPages pages) {
        this.api = api;
        this.pages = pages;
    }

    @Get("/registrations/offer/{token}")
    HttpResponse<?> offer(HttpRequest<?> request, @PathVariable String token, @Nullable Authentication authentication) {
        ServiceClient.Result offer = api.get(null, "/api/donations/registrations/offers/" + token);
        return page(request, authentication, token, offer, null);
    }

    @Post(value = "/registrations/offer/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(
            HttpRequest<?> request,
            @PathVariable String token,
            @Body AnswerForm form,
            @Nullable Authentication authentication) {
        ServiceClient.Result offer = api.get(null, "/api/donations/registrations/offers/" + token);
        if (!pages.csrfValid(request, form._csrf())) {
            return page(
                    request,
                    authentication,
                    token,
                    offer,
                    "Your form expired. Please try again.",
                    HttpStatus.FORBIDDEN);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", form.answer() == null ? "" : form.answer());
        if ("DONATE_PART".equals(form.answer())) {
            String currency = offer.ok() ? (String) offer.object().get("currency") : "USD";
            Long minor = form.amount() == null ? null : Amounts.toMinor(form.amount(), currency);
            if (minor == null) {
                return page(request, authentication, token, offer, "Enter the part to donate, like 45 or 45.00");
            }
            body.put("donatedMinor", minor);
        }
        ServiceClient.Result answered = api.post(null, "/api/donations/registrations/offers/" + token, body);
        if (!answered.ok()) {
            Problem p = answered.problem();
            String message = p.errors().isEmpty()
                    ? p.detail()
                    : p.errors().stream()
                            .map(e -> e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(p.detail());
            return page(request, authentication, token, offer, message);
        }
        return page(request, authentication, token, answered, null);
    }

    @Get("/staff/registrations/{code}")
    HttpResponse<?> tally(HttpRequest<?> request, @PathVariable String code, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/registrations/" + code));
        }
        return tallyPage(request, authentication, code, null);
    }

    private HttpResponse<?> tallyPage(
            HttpRequest<?> request, Authentication authentication, String code, @Nullable String error) {
        return tallyPage(request, authentication, code, error, null);
    }

    /** @param refused the status of a refused form (its error says why), or null for the tally's own */
    private HttpResponse<?> tallyPage(
            HttpRequest<?> request,
            Authentication authentication,
            String code,
            @Nullable String error,
            @Nullable HttpStatus refused) {
        String token = PortalPages.token(request);
        ServiceClient.Result tally = api.get(token, "/api/donations/registrations/events/" + code);
        Map<String, Object> model = new HashMap<>();
        model.put("t", tally.ok() ? withAmounts(tally.object()) : null);
        model.put(
                "error",
                error != null ? error : tally.ok() ? null : tally.problem().detail());
        if (tally.ok()) {
            ServiceClient.Result refunds =
                    api.get(token, "/api/donations/registrations/events/" + code + "/bank-refunds");
            model.put(
                    "refunds",
                    refunds.ok()
                            ? refunds.list().stream()
                                    .map(r -> withAmounts(asMap(r)))
                                    .toList()
                            : List.of());
            model.put("refundsCsv", "/api/donations/registrations/events/" + code + "/bank-refunds.csv");
        }
        return pages.page(
                request,
                authentication,
                "registrations/tally",
                "Cancelled event " + code,
                model,
                refused != null
                        ? refused
                        : tally.ok()
                                ? HttpStatus.OK
                                : HttpStatus.valueOf(tally.problem().status()));
    }

    /** Staff remind the registrants who have not answered yet (the service says how many). */
    @Post(value = "/staff/registrations/{code}/reminders", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remind(
            HttpRequest<?> request,
            @PathVariable String code,
            @Body Map<String, String> form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/registrations/" + code));
        }
        if (!pages.csrfValid(request, form.get("_csrf"))) {
            // said on the page: a silent redirect left staff believing the reminders went
            return tallyPage(
                    request, authentication, code, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        api.post(PortalPages.token(request), "/api/donations/registrations/events/" + code + "/reminders", Map.of());
        return HttpResponse.seeOther(URI.create("/staff/registrations/" + code));
    }

    /**
     * Staff sent a registrant's refund from the bank and record the transfer's reference; the service tells the
     * registrant. A refusal (already recorded, no reference) is shown on the tally page.
     */
    @Post(value = "/staff/registrations/{code}/bank-refunds/sent", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> bankRefundSent(
            HttpRequest<?> request,
            @PathVariable String code,
            @Body Map<String, String> form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/registrations/" + code));
        }
        if (!pages.csrfValid(request, form.get("_csrf"))) {
            return tallyPage(
                    request, authentication, code, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", form.getOrDefault("email", ""));
        body.put("reference", form.getOrDefault("reference", ""));
        ServiceClient.Result sent = api.post(
                PortalPages.token(request), "/api/donations/registrations/events/" + code + "/bank-refunds/sent", body);
        if (!sent.ok()) {
            Problem p = sent.problem();
            String message = p.errors().isEmpty()
                    ? p.detail()
                    : p.errors().stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(p.detail());
            return tallyPage(request, authentication, code, message);
        }
        return HttpResponse.seeOther(URI.create("/staff/registrations/" + code));
    }

    @SuppressWarnings("unchecked") // a JSON object of the service's list
    private static Map<String, Object> asMap(Object row) {
        return row instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private HttpResponse<?> page(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            String token,
            ServiceClient.Result offer,
            @Nullable String error) {
        return page(request, authentication, token, offer, error, null);
    }

    /** @param refused the status of a refused form (its error says why), or null for the offer's own */
    private HttpResponse<?> page(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            String token,
            ServiceClient.Result offer,
            @Nullable String error,
            @Nullable HttpStatus refused) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("o", offer.ok() ? withAmounts(offer.object()) : null);
        model.put(
                "error",
                error != null ? error : offer.ok() ? null : offer.problem().detail());
        return pages.page(
                request,
                authentication,
                "registrations/offer",
                "Your registration",
                model,
                refused != null
                        ? refused
                        : offer.ok() || error != null
                                ? HttpStatus.OK
                                : HttpStatus.valueOf(offer.problem().status()));
    }

    private static Map<String, Object> withAmounts(Map<String, Object> source) {
        Map<String, Object> out = new HashMap<>(source);
        String currency = (String) source.get("currency");
        for (String field : List.of(
                "paidMinor",
                "donatedMinor",
                "refundedMinor",
                "convertedMinor",
                "refundsDueByBankMinor",
                "amountMinor")) {
            if (source.get(field) instanceof Number n && currency != null) {
                out.put(field.replace("Minor", ""), Amounts.format(n.longValue(), currency));
            }
        }
        return out;
    }

    @Serdeable
    record AnswerForm(
            @Nullable String answer,
            @Nullable String amount,
            @Nullable String _csrf) {}
}
