package org.endow.gateway.portal;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.endow.gateway.accounts.application.SignUpCommand;
import org.endow.gateway.accounts.application.SigningIn;
import org.endow.gateway.accounts.application.SigningUp;
import org.endow.gateway.accounts.infrastructure.JdbcEndedSessions;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.gateway.accounts.model.Account;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/** The portal's shell: home, sign-in, sign-up, sign-out. Server-side pages, no script needed. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class PortalController {

    private final SigningIn signingIn;
    private final SigningUp signingUp;
    private final SessionTokens tokens;
    private final JdbcEndedSessions endedSessions;
    private final CsrfTokens csrf;
    private final FundedItemsView fundedItems;
    private final DonationsClient donations;
    private final BankDetails bank;
    private final PortalPages pages;

    PortalController(
            PortalPages pages,
            SigningIn signingIn,
            SigningUp signingUp,
            SessionTokens tokens,
            JdbcEndedSessions endedSessions,
            CsrfTokens csrf,
            FundedItemsView fundedItems,
            DonationsClient donations,
            BankDetails bank) {
        this.pages = pages;
        this.donations = donations;
        this.bank = bank;
        this.signingIn = signingIn;
        this.signingUp = signingUp;
        this.tokens = tokens;
        this.endedSessions = endedSessions;
        this.csrf = csrf;
        this.fundedItems = fundedItems;
    }

    @Get
    HttpResponse<?> home(HttpRequest<?> request, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("items", fundedItems.openItems().orElse(null));
        return page(request, authentication, "home", "Endow", model, HttpStatus.OK);
    }

    /**
     * The public donate page: anyone gives by card (one-time or monthly, through the payment
     * provider's hosted checkout); signed-in donors may also pledge by bank transfer or cheque.
     */
    @Get("/give")
    HttpResponse<?> giveForm(
            HttpRequest<?> request, @Nullable @QueryValue String cancelled, @Nullable Authentication authentication) {
        DonationsClient.GivingOptions options = donations.givingOptions();
        Map<String, Object> model = giveModel(options, authentication);
        model.put(
                "form",
                new GiveForm(
                        "50",
                        "",
                        options.currencies().contains("USD")
                                ? "USD"
                                : options.currencies().getFirst(),
                        "general",
                        options.cards() ? "CARD" : "BANK_TRANSFER",
                        "ONE_TIME",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        java.util.UUID.randomUUID().toString(),
                        null));
        model.put("cancelled", cancelled != null);
        model.put("errors", Map.of());
        return page(request, authentication, "give", "Give", model, HttpStatus.OK);
    }

    private Map<String, Object> giveModel(
            DonationsClient.GivingOptions options, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("funds", donations.openItems());
        model.put("cards", options.cards());
        model.put("currencies", options.currencies());
        model.put("signedIn", authentication != null);
        model.put("cancelled", false);
        return model;
    }

    @Post(value = "/give", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> give(HttpRequest<?> request, @Body GiveForm form, @Nullable Authentication authentication) {
        DonationsClient.GivingOptions options = donations.givingOptions();
        Map<String, Object> model = giveModel(options, authentication);
        model.put("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        model.put("errors", errors);
        if (!csrf.isValid(request, form._csrf())) {
            errors.put("form", "Your form expired. Please try again.");
            return page(request, authentication, "give", "Give", model, HttpStatus.FORBIDDEN);
        }
        String currency = form.currency() == null ? "" : form.currency();
        String typed = form.amount() == null || form.amount().isBlank() ? form.preset() : form.amount();
        Long minor = typed == null ? null : Amounts.toMinor(typed, currency);
        if (minor == null) {
            errors.put("amountMinor", "choose an amount, or enter one like 50 or 50.00");
            return page(request, authentication, "give", "Give", model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String method = form.method() == null ? "BANK_TRANSFER" : form.method();
        boolean monthly = "MONTHLY".equals(form.frequency());
        if (monthly && !"CARD".equals(method)) {
            errors.put(
                    "frequency",
                    options.cards()
                            ? "a monthly gift is paid by card"
                            : "monthly gifts need card payments, which are not available");
            return page(request, authentication, "give", "Give", model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (authentication == null && !"CARD".equals(method)) {
            errors.put("method", "sign in to pledge by bank transfer or cheque, or pay by card as a guest");
            return page(request, authentication, "give", "Give", model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Map<String, Object> gift = new LinkedHashMap<>();
        gift.put("amountMinor", minor);
        gift.put("currency", currency);
        gift.put("fundCode", form.fundCode() == null ? "" : form.fundCode());
        gift.put("frequency", monthly ? "MONTHLY" : "ONE_TIME");
        if (form.dedication() != null && !form.dedication().isBlank()) {
            gift.put("dedication", form.dedication().strip());
        }
        if ("on".equals(form.recognise())) {
            Map<String, Object> recognition = new LinkedHashMap<>();
            recognition.put("consent", true);
            recognition.put("anonymous", "on".equals(form.anonymous()));
            if (form.displayName() != null && !form.displayName().isBlank()) {
                recognition.put("displayName", form.displayName().strip());
            }
            gift.put("recognition", recognition);
        }
        String token = authentication == null ? null : PortalPages.token(request);
        if ("CARD".equals(method)) {
            if (authentication == null) {
                gift.put("donorName", form.donorName() == null ? "" : form.donorName());
                gift.put("donorEmail", form.donorEmail() == null ? "" : form.donorEmail());
            }
            DonationsClient.CheckoutResult checkout = donations.checkout(token, gift, form.requestId());
            if (checkout.problem() != null) {
                return problemPage(request, authentication, model, errors, checkout.problem());
            }
            return HttpResponse.seeOther(URI.create(checkout.checkout().checkoutUrl()));
        }
        gift.put("method", method);
        DonationsClient.Result result = donations.pledge(token, gift, form.requestId());
        if (result.problem() != null) {
            return problemPage(request, authentication, model, errors, result.problem());
        }
        model.put("pledge", result.pledge());
        model.put(
                "amount",
                Amounts.format(result.pledge().amountMinor(), result.pledge().currency()));
        model.put("reference", "ENDOW-" + result.pledge().id().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
        model.put("bank", bank);
        return page(request, authentication, "given", "Thank you", model, HttpStatus.OK);
    }

    private HttpResponse<?> problemPage(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            Map<String, Object> model,
            Map<String, String> errors,
            Problem problem) {
        for (Problem.FieldError error : problem.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", problem.detail());
        }
        return page(request, authentication, "give", "Give", model, HttpStatus.valueOf(problem.status()));
    }

    /** Where the hosted checkout sends the donor back after paying. */
    @Get("/give/thanks")
    HttpResponse<?> thanks(HttpRequest<?> request, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("signedIn", authentication != null);
        return page(request, authentication, "thanks", "Thank you", model, HttpStatus.OK);
    }

    @Get("/transparency")
    HttpResponse<?> transparency(HttpRequest<?> request, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", fundedItems.transparency().orElse(null));
        return page(request, authentication, "transparency", "Transparency", model, HttpStatus.OK);
    }

    @Get("/signin")
    HttpResponse<?> signInForm(
            HttpRequest<?> request,
            @Nullable @QueryValue String next,
            @Nullable @QueryValue String reset,
            @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", safeNext(next));
        model.put("passwordReset", "done".equals(reset));
        model.put("email", "");
        return page(request, authentication, "signin", "Sign in", model, HttpStatus.OK);
    }

    @Post(value = "/signin", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", safeNext(form.next()));
        model.put("email", form.email() == null ? "" : form.email());
        if (!csrf.isValid(request, form._csrf())) {
            model.put("error", "Your form expired. Please try again.");
            return page(request, null, "signin", "Sign in", model, HttpStatus.FORBIDDEN);
        }
        try {
            Account account = signingIn.signIn(form.email(), form.password(), form.code());
            return HttpResponse.seeOther(URI.create(safeNext(form.next())))
                    .cookie(tokens.cookie(tokens.issue(account)));
        } catch (ProblemException e) {
            model.put("error", e.getMessage());
            model.put(
                    "askCode",
                    e.errors().stream().anyMatch(error -> error.field().equals("code")));
            return page(request, null, "signin", "Sign in", model, e.status());
        }
    }

    @Get("/signup")
    HttpResponse<?> signUpForm(HttpRequest<?> request, @Nullable Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", new SignUpForm("", "", "", null));
        model.put("errors", Map.of());
        return page(request, authentication, "signup", "Create an account", model, HttpStatus.OK);
    }

    @Post(value = "/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signUp(HttpRequest<?> request, @Body SignUpForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", new SignUpForm(form.email(), form.displayName(), "", null));
        if (!csrf.isValid(request, form._csrf())) {
            model.put("errors", Map.of("form", "Your form expired. Please try again."));
            return page(request, null, "signup", "Create an account", model, HttpStatus.FORBIDDEN);
        }
        try {
            Account account = signingUp.signUp(new SignUpCommand(form.email(), form.displayName(), form.password()));
            return HttpResponse.seeOther(URI.create("/")).cookie(tokens.cookie(tokens.issue(account)));
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Problem.FieldError error : e.errors()) {
                errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("form", e.getMessage());
            }
            model.put("errors", errors);
            return page(request, null, "signup", "Create an account", model, e.status());
        }
    }

    @Post(value = "/signout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(
            HttpRequest<?> request, @Body Map<String, String> form, @Nullable Authentication authentication) {
        if (!csrf.isValid(request, form.get(CsrfTokens.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (authentication != null) {
            // the session ends here, not only in this browser: a copy of its cookie no longer works
            endedSessions.end(authentication);
        }
        return HttpResponse.seeOther(URI.create("/")).cookie(tokens.expiredCookie());
    }

    private HttpResponse<?> page(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            String view,
            String title,
            Map<String, Object> model,
            HttpStatus status) {
        return pages.page(request, authentication, view, title, model, status);
    }

    /** Only a local path: an absolute URL here would make sign-in an open redirect. */
    static String safeNext(@Nullable String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    /**
     * @param preset the amount button chosen; {@code amount}, when typed, wins
     * @param requestId sent once with the form: a double submit makes one gift (idempotency key)
     */
    @Serdeable
    record GiveForm(
            @Nullable String preset,
            @Nullable String amount,
            @Nullable String currency,
            @Nullable String fundCode,
            @Nullable String method,
            @Nullable String frequency,
            @Nullable String dedication,
            @Nullable String recognise,
            @Nullable String anonymous,
            @Nullable String displayName,
            @Nullable String donorName,
            @Nullable String donorEmail,
            @Nullable String requestId,
            @Nullable String _csrf) {}

    @Serdeable
    record SignInForm(
            @Nullable String email,
            @Nullable String password,
            @Nullable String code,
            @Nullable String next,
            @Nullable String _csrf) {}

    @Serdeable
    record SignUpForm(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable String password,
            @Nullable String _csrf) {}
}
