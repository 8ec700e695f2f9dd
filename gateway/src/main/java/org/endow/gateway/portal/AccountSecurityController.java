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
import java.util.UUID;
import org.endow.gateway.accounts.application.ChangingPassword;
import org.endow.gateway.accounts.application.EnrollingSecondFactor;
import org.endow.gateway.accounts.infrastructure.JdbcEndedSessions;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/** The signed-in user's sign-in security: changing the password, setting up two-factor sign-in (TOTP). */
@Controller("/account/security")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AccountSecurityController {

    private static final String TITLE = "Sign-in security";

    private final PortalPages pages;
    private final EnrollingSecondFactor enrolling;
    private final ChangingPassword changing;
    private final SessionTokens tokens;
    private final JdbcEndedSessions endedSessions;

    AccountSecurityController(
            PortalPages pages,
            EnrollingSecondFactor enrolling,
            ChangingPassword changing,
            SessionTokens tokens,
            JdbcEndedSessions endedSessions) {
        this.pages = pages;
        this.enrolling = enrolling;
        this.changing = changing;
        this.tokens = tokens;
        this.endedSessions = endedSessions;
    }

    /** A new password, with the current one: the other sessions end, this browser gets a new one. */
    @Post(value = "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePassword(
            HttpRequest<?> request, @Nullable Authentication authentication, @Body PasswordForm form) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/security"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return render(
                    request, authentication, null, "Your form expired. Please try again.", false, HttpStatus.FORBIDDEN);
        }
        Account account;
        try {
            account = changing.change(account(authentication), form.currentPassword(), form.newPassword());
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Problem.FieldError error : e.errors()) {
                errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put("form", e.getMessage());
            }
            Map<String, Object> model = model(authentication, null, null, false);
            model.put("passwordErrors", errors);
            return pages.page(request, authentication, "account-security", TITLE, model, e.status());
        }
        // committed: the account's other sessions ended (here at once); this browser goes on with a new session
        endedSessions.generationChanged(account.id(), account.sessionGeneration());
        return HttpResponse.seeOther(URI.create("/account/security?password=changed"))
                .cookie(tokens.cookie(tokens.issue(account)));
    }

    @Get
    HttpResponse<?> show(
            HttpRequest<?> request, @Nullable @QueryValue String password, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/security"));
        }
        Map<String, Object> model = model(authentication, null, null, false);
        model.put("passwordChanged", "changed".equals(password));
        return pages.page(request, authentication, "account-security", TITLE, model, HttpStatus.OK);
    }

    @Post(value = "/enrolment", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, @Nullable Authentication authentication, @Body CodeForm form) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/security"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return render(
                    request, authentication, null, "Your form expired. Please try again.", false, HttpStatus.FORBIDDEN);
        }
        try {
            EnrollingSecondFactor.Enrolment enrolment = enrolling.start(account(authentication));
            return render(request, authentication, enrolment, null, false, HttpStatus.OK);
        } catch (ProblemException e) {
            return render(request, authentication, null, e.getMessage(), false, e.status());
        }
    }

    @Post(value = "/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, @Nullable Authentication authentication, @Body CodeForm form) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/account/security"));
        }
        if (!pages.csrfValid(request, form._csrf())) {
            return render(
                    request, authentication, null, "Your form expired. Please try again.", false, HttpStatus.FORBIDDEN);
        }
        try {
            enrolling.confirm(account(authentication), form.code() == null ? "" : form.code());
            return render(request, authentication, null, null, true, HttpStatus.OK);
        } catch (ProblemException e) {
            String message = e.errors().isEmpty()
                    ? e.getMessage()
                    : e.errors().getFirst().message();
            return render(request, authentication, null, message + ". Start again.", false, e.status());
        }
    }

    private HttpResponse<?> render(
            HttpRequest<?> request,
            Authentication authentication,
            @Nullable EnrollingSecondFactor.Enrolment enrolment,
            @Nullable String error,
            boolean done,
            HttpStatus status) {
        return pages.page(
                request,
                authentication,
                "account-security",
                TITLE,
                model(authentication, enrolment, error, done),
                status);
    }

    private Map<String, Object> model(
            Authentication authentication,
            @Nullable EnrollingSecondFactor.Enrolment enrolment,
            @Nullable String error,
            boolean done) {
        Map<String, Object> model = new HashMap<>();
        model.put("enabled", enrolling.enabled(account(authentication)));
        model.put("enrolment", enrolment == null ? null : new EnrolmentView(enrolment));
        model.put("error", error);
        model.put("done", done);
        model.put("passwordErrors", Map.of());
        model.put("passwordChanged", false);
        return model;
    }

    private static AccountId account(Authentication authentication) {
        return new AccountId(UUID.fromString(authentication.getName()));
    }

    /** The secret in groups of four, as people type it. */
    record EnrolmentView(String grouped, String uri) {
        EnrolmentView(EnrollingSecondFactor.Enrolment enrolment) {
            this(enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "), enrolment.otpauthUri());
        }
    }

    @Serdeable
    record CodeForm(@Nullable String code, @Nullable String _csrf) {}

    @Serdeable
    record PasswordForm(
            @Nullable String currentPassword,
            @Nullable String newPassword,
            @Nullable String _csrf) {}
}
