package org.endow.gateway.portal.sponsors;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.Amounts;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;
import org.endow.platform.problem.Problem;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * The sponsor's and staff's pages: the public sponsor wall, applying for a package with add-ons,
 * one sponsorship with its documents, signing the contract in the portal (typed name and title over
 * the SHA-256 of the draft shown), and staff's review, countersignature and payment.
 */
@Controller("/sponsors")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SponsorsPortalController {

    private final SponsorsClient sponsors;
    private final PortalPages pages;

    SponsorsPortalController(SponsorsClient sponsors, PortalPages pages) {
        this.sponsors = sponsors;
        this.pages = pages;
    }

    /** The public wall: sponsors whose sponsorship is executed and running. */
    @Get
    HttpResponse<?> wall(HttpRequest<?> request, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("wall", sponsors.get(null, "/api/sponsors/wall").list());
        model.put("signedIn", authentication != null);
        if (authentication != null) {
            Caller caller = Caller.of(authentication);
            model.put("isStaff", caller.has(Roles.STAFF));
            model.put(
                    "mine",
                    caller.has(Roles.SPONSOR)
                            ? withAmounts(sponsors.get(PortalPages.token(request), "/api/sponsors/sponsorships/mine")
                                    .list())
                            : List.of());
        } else {
            model.put("isStaff", false);
            model.put("mine", List.of());
        }
        return pages.page(request, authentication, "sponsors/wall", "Sponsors", model, HttpStatus.OK);
    }

    /** The application form; {@code renew} (from the renewal email) pre-fills it from last year's sponsorship. */
    @Get("/apply")
    HttpResponse<?> applyForm(
            HttpRequest<?> request, @Nullable @QueryValue String renew, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/apply"
                    + (renew == null ? "" : "?renew=" + URLEncoder.encode(renew, StandardCharsets.UTF_8))));
        }
        ApplicationForm form =
                new ApplicationForm(null, null, null, null, null, null, null, null, null, null, null, null);
        if (renew != null && renew.matches("[0-9a-fA-F-]{36}")) {
            ServiceClient.Result last = sponsors.get(PortalPages.token(request), "/api/sponsors/sponsorships/" + renew);
            if (last.ok()) {
                Map<String, Object> s = last.object();
                List<String> addOns = new ArrayList<>();
                if (s.get("addOns") instanceof List<?> list) {
                    list.forEach(a -> addOns.add(String.valueOf(a)));
                }
                form = new ApplicationForm(
                        (String) s.get("organisationName"),
                        (String) s.get("description"),
                        (String) s.get("website"),
                        (String) s.get("billingAddress"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        (String) s.get("packageCode"),
                        addOns,
                        null);
            }
        }
        return form(request, authentication, form, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/apply", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> apply(HttpRequest<?> request, @Body ApplicationForm form, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/apply"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return form(
                    request,
                    authentication,
                    form,
                    Map.of("form", "Your form expired. Please try again."),
                    HttpStatus.FORBIDDEN);
        }
        List<Map<String, Object>> contacts = new ArrayList<>();
        contacts.add(contact(form.contactName(), form.contactEmail(), "PRIMARY"));
        if (form.accountingEmail() != null && !form.accountingEmail().isBlank()) {
            contacts.add(contact(form.accountingName(), form.accountingEmail(), "ACCOUNTING"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationName", text(form.organisationName()));
        body.put("description", text(form.description()));
        body.put("website", text(form.website()));
        body.put("billingAddress", text(form.billingAddress()));
        body.put("contacts", contacts);
        body.put("year", form.year() != null && form.year().matches("[0-9]{4}") ? Integer.parseInt(form.year()) : 0);
        body.put("packageCode", text(form.packageCode()));
        body.put("addOns", form.addOns() == null ? List.of() : form.addOns());
        ServiceClient.Result result = sponsors.post(PortalPages.token(request), "/api/sponsors/sponsorships", body);
        if (!result.ok()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Problem.FieldError error : result.problem().errors()) {
                errors.merge(error.field().replaceAll("\\[.*", ""), error.message(), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("form", result.problem().detail());
            }
            return form(
                    request,
                    authentication,
                    form,
                    errors,
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(
                URI.create("/sponsors/sponsorships/" + result.object().get("id") + "?done=applied"));
    }

    @Get("/sponsorships/{id}")
    HttpResponse<?> one(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @QueryValue String done,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/sponsorships/" + id));
        }
        return detail(request, authentication, id, done, null, HttpStatus.OK);
    }

    /** One button or small form on the sponsorship's page; the service decides whether this person may. */
    @Post(value = "/sponsorships/{id}/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> act(
            HttpRequest<?> request,
            @PathVariable String id,
            @Body ActionForm form,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/sponsorships/" + id));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return detail(
                    request, authentication, id, null, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        String token = PortalPages.token(request);
        String base = "/api/sponsors/sponsorships/" + id;
        String action = form.action() == null ? "" : form.action();
        ServiceClient.Result result = switch (action) {
            case "approve" -> {
                Map<String, Object> approval = new LinkedHashMap<>();
                approval.put("startDate", text(form.startDate()));
                approval.put("endDate", text(form.endDate()));
                yield sponsors.post(token, base + "/approve", approval);
            }
            case "reject" -> sponsors.post(token, base + "/reject", Map.of("reason", text(form.reason())));
            case "send-back" -> sponsors.post(token, base + "/send-back", Map.of("reason", text(form.reason())));
            case "send-contract" -> sponsors.post(token, base + "/contract/send", Map.of());
            case "sign" ->
                sponsors.post(
                        token,
                        base + "/contract/sign",
                        Map.of(
                                "name",
                                text(form.name()),
                                "title",
                                text(form.title()),
                                "documentSha256",
                                text(form.sha256())));
            case "countersign" ->
                sponsors.post(
                        token,
                        base + "/contract/countersign",
                        Map.of("name", text(form.name()), "title", text(form.title())));
            case "nullify" -> sponsors.post(token, base + "/contract/nullify", Map.of("reason", text(form.reason())));
            case "paid" -> sponsors.post(token, base + "/payments", Map.of("reference", text(form.reason())));
            case "pay-card" -> sponsors.post(token, base + "/invoice/checkout", Map.of());
            case "vet-passed", "vet-failed" -> {
                Map<String, Object> vetting = new LinkedHashMap<>();
                vetting.put("passed", action.equals("vet-passed"));
                vetting.put("note", text(form.reason()));
                yield sponsors.post(token, base + "/vetting", vetting);
            }
            case "wall-early-on", "wall-early-off" ->
                sponsors.post(token, base + "/wall", Map.of("shownBeforeExecution", action.equals("wall-early-on")));
            case "asset" -> {
                String benefit = text(form.benefit());
                String code = text(form.code());
                yield benefit.matches("[a-z0-9][a-z0-9-]{1,62}") && code.matches("[a-z0-9][a-z0-9-]{1,62}")
                        ? sponsors.put(
                                token,
                                base + "/assets/" + benefit + "/" + code,
                                Map.of("value", form.value() == null ? "" : form.value()))
                        : ServiceClient.Result.failed(new Problem(
                                "about:blank", "Bad request", 400, "Unknown asset", request.getPath(), List.of()));
            }
            default ->
                ServiceClient.Result.failed(
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
        if (action.equals("pay-card") && result.object().get("checkoutUrl") instanceof String checkoutUrl) {
            return HttpResponse.seeOther(URI.create(checkoutUrl));
        }
        return HttpResponse.seeOther(URI.create(
                "/sponsors/sponsorships/" + id + "?done=" + URLEncoder.encode(action, StandardCharsets.UTF_8)));
    }

    /** The sponsor uploads their logo; the service checks what the file is, whatever it claims. */
    @Post(value = "/sponsorships/{id}/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> logo(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @io.micronaut.http.annotation.Part("_csrf") String csrf,
            @Nullable @io.micronaut.http.annotation.Part("file") io.micronaut.http.multipart.CompletedFileUpload file,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/sponsorships/" + id));
        }
        if (!pages.csrfValid(request, csrf)) {
            return detail(
                    request, authentication, id, null, "Your form expired. Please try again.", HttpStatus.FORBIDDEN);
        }
        if (file == null) {
            return detail(
                    request, authentication, id, null, "Choose a PNG or SVG file.", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (java.io.IOException e) {
            return detail(request, authentication, id, null, "The file could not be read.", HttpStatus.BAD_REQUEST);
        }
        String type = file.getContentType().map(MediaType::toString).orElse("application/octet-stream");
        ServiceClient.Result result = sponsors.postBytes(
                PortalPages.token(request), "/api/sponsors/sponsorships/" + id + "/logo", content, type);
        if (!result.ok()) {
            return detail(
                    request,
                    authentication,
                    id,
                    null,
                    result.problem().summary(),
                    HttpStatus.valueOf(result.problem().status()));
        }
        return HttpResponse.seeOther(URI.create("/sponsors/sponsorships/" + id + "?done=logo"));
    }

    /** Staff: every sponsorship. */
    @Get("/staff")
    HttpResponse<?> staff(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/staff"));
        }
        ServiceClient.Result all = sponsors.get(PortalPages.token(request), "/api/sponsors/sponsorships");
        Map<String, Object> model = new HashMap<>();
        model.put("sponsorships", withAmounts(all.list()));
        model.put("error", all.ok() ? null : all.problem().summary());
        return pages.page(
                request,
                authentication,
                "sponsors/staff",
                "All sponsorships",
                model,
                all.ok() ? HttpStatus.OK : HttpStatus.valueOf(all.problem().status()));
    }

    /** Staff: what sponsorships still owe for their benefits, soonest due first, optionally for one benefit. */
    @Get("/staff/fulfilment")
    HttpResponse<?> fulfilment(
            HttpRequest<?> request, @Nullable @QueryValue String benefit, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/sponsors/staff/fulfilment"));
        }
        String wanted = benefit == null || !benefit.strip().matches("[a-z0-9][a-z0-9-]{1,62}") ? null : benefit.strip();
        ServiceClient.Result outstanding = sponsors.get(
                PortalPages.token(request), "/api/sponsors/fulfilment" + (wanted == null ? "" : "?benefit=" + wanted));
        Map<String, Object> model = new HashMap<>();
        model.put("outstanding", outstanding.list());
        model.put("benefit", wanted == null ? "" : wanted);
        model.put("error", outstanding.ok() ? null : outstanding.problem().summary());
        return pages.page(
                request,
                authentication,
                "sponsors/fulfilment",
                "What sponsors still owe",
                model,
                outstanding.ok()
                        ? HttpStatus.OK
                        : HttpStatus.valueOf(outstanding.problem().status()));
    }

    private HttpResponse<?> detail(
            HttpRequest<?> request,
            Authentication authentication,
            String id,
            @Nullable String done,
            @Nullable String error,
            HttpStatus status) {
        ServiceClient.Result found = sponsors.get(PortalPages.token(request), "/api/sponsors/sponsorships/" + id);
        if (!found.ok()) {
            Map<String, Object> model = new HashMap<>();
            model.put("sponsorships", List.of());
            model.put("error", found.problem().summary());
            return pages.page(
                    request,
                    authentication,
                    "sponsors/staff",
                    "Sponsorship",
                    model,
                    HttpStatus.valueOf(found.problem().status()));
        }
        Map<String, Object> s = new HashMap<>(found.object());
        s.put("fee", Amounts.format(((Number) s.get("feeMinor")).longValue(), (String) s.get("currency")));
        Caller caller = Caller.of(authentication);
        Object documents = s.get("documents");
        Map<String, Object> currentDraft = null;
        if (documents instanceof List<?> list) {
            int revision = ((Number) s.get("revision")).intValue();
            for (Object d : list) {
                if (d instanceof Map<?, ?> doc
                        && "DRAFT".equals(doc.get("kind"))
                        && ((Number) doc.get("revision")).intValue() == revision) {
                    @SuppressWarnings("unchecked") // a JSON object reads as a map of names to values
                    Map<String, Object> draft = (Map<String, Object>) doc;
                    currentDraft = draft;
                }
            }
        }
        ServiceClient.Result assets =
                sponsors.get(PortalPages.token(request), "/api/sponsors/sponsorships/" + id + "/assets");
        Map<String, Object> model = new HashMap<>();
        model.put("s", s);
        model.put("assets", assets.ok() ? assets.list() : List.of());
        model.put("draft", currentDraft);
        model.put("isStaff", caller.has(Roles.STAFF));
        model.put("done", done);
        model.put("error", error);
        return pages.page(
                request,
                authentication,
                "sponsors/sponsorship",
                "Sponsorship " + s.get("organisationName"),
                model,
                status);
    }

    private HttpResponse<?> form(
            HttpRequest<?> request,
            Authentication authentication,
            ApplicationForm form,
            Map<String, String> errors,
            HttpStatus status) {
        ServiceClient.Result years = sponsors.get(null, "/api/sponsors/catalogue");
        int year = years.list().stream()
                .filter(Number.class::isInstance)
                .map(y -> ((Number) y).intValue())
                .max(Comparator.naturalOrder())
                .orElse(0);
        Map<String, Object> catalogue = year == 0
                ? Map.of()
                : sponsors.get(null, "/api/sponsors/catalogue/" + year).object();
        List<Map<String, Object>> packages = new ArrayList<>();
        if (catalogue.get("packages") instanceof List<?> list) {
            for (Object p : list) {
                if (p instanceof Map<?, ?> pkg) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("code", pkg.get("code"));
                    row.put(
                            "label",
                            pkg.get("name") + " — "
                                    + Amounts.format(((Number) pkg.get("priceMinor")).longValue(), (String)
                                            pkg.get("currency")));
                    packages.add(row);
                }
            }
        }
        List<Map<String, Object>> addOns = new ArrayList<>();
        if (catalogue.get("benefits") instanceof List<?> list) {
            for (Object b : list) {
                if (b instanceof Map<?, ?> benefit && Boolean.TRUE.equals(benefit.get("addOn"))) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("code", benefit.get("code"));
                    Object remaining = benefit.get("remaining");
                    row.put(
                            "label",
                            benefit.get("name") + " — "
                                    + Amounts.format(((Number) benefit.get("priceMinor")).longValue(), (String)
                                            benefit.get("currency"))
                                    + (remaining == null ? "" : " (" + remaining + " left)"));
                    row.put("soldOut", remaining instanceof Number n && n.intValue() == 0);
                    addOns.add(row);
                }
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("packages", packages);
        model.put("addOns", addOns);
        model.put("form", form);
        model.put("chosenAddOns", form.addOns() == null ? List.of() : form.addOns());
        model.put("errors", errors);
        return pages.page(request, authentication, "sponsors/apply", "Become a sponsor", model, status);
    }

    private static List<Map<String, Object>> withAmounts(List<?> sponsorships) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : sponsorships) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> row = new HashMap<>();
                map.forEach((k, v) -> row.put(String.valueOf(k), v));
                row.put("fee", Amounts.format(((Number) map.get("feeMinor")).longValue(), (String)
                        map.get("currency")));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> contact(@Nullable String name, @Nullable String email, String role) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", text(name));
        contact.put("email", text(email));
        contact.put("role", role);
        return contact;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    @Serdeable
    record ApplicationForm(
            @Nullable String organisationName,
            @Nullable String description,
            @Nullable String website,
            @Nullable String billingAddress,
            @Nullable String contactName,
            @Nullable String contactEmail,
            @Nullable String accountingName,
            @Nullable String accountingEmail,
            @Nullable String year,
            @Nullable String packageCode,
            @Nullable List<String> addOns,
            @Nullable String _csrf) {}

    @Serdeable
    record ActionForm(
            @Nullable String action,
            @Nullable String reason,
            @Nullable String startDate,
            @Nullable String endDate,
            @Nullable String name,
            @Nullable String title,
            @Nullable String sha256,
            @Nullable String benefit,
            @Nullable String code,
            @Nullable String value,
            @Nullable String _csrf) {}
}
