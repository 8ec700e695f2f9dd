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
import org.endow.gateway.accounts.application.ResettingPasswords;
import org.endow.gateway.accounts.infrastructure.JdbcEndedSessions;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.gateway.accounts.model.Account;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/**
 * "Forgot your password?": asking for a link by mail ({@code /password/forgot}, answered alike whether the email has
 * an account or not) and setting a new password with it ({@code /password/reset?token=…}).
 */
@Controller("/password")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class PasswordResetPages {

    private static final String FORGOT = "password-forgot";
    private static final String RESET = "password-reset";

    private final ResettingPasswords resetting;
    private final CsrfTokens csrf;
    private final SessionTokens tokens;
    private final JdbcEndedSessions endedSessions;
    private final PortalPages pages;

    PasswordResetPages(
            ResettingPasswords resetting,
            CsrfTokens csrf,
            SessionTokens tokens,
            JdbcEndedSessions endedSessions,
            PortalPages pages) {
        this.resetting = resetting;
        this.endedSessions = endedSessions;
        this.csrf = csrf;
        this.tokens = tokens;
        this.pages = pages;
    }

    @Get("/forgot")
    HttpResponse<?> forgotForm(HttpRequest<?> request, @Nullable Authentication authentication) {
        return forgot(request, authentication, "", null, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/forgot", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> forgot(HttpRequest<?> request, @Body ForgotForm form, @Nullable Authentication authentication) {
        String email = form.email() == null ? "" : form.email().strip();
        if (!csrf.isValid(request, form._csrf())) {
            return forgot(
                    request,
                    authentication,
                    email,
                    null,
                    Map.of("form", "Your form expired. Please try again."),
                    HttpStatus.FORBIDDEN);
        }
        try {
            resetting.request(email);
        } catch (ProblemException e) {
            return forgot(request, authentication, email, null, errors(e), e.status());
        }
        return forgot(request, authentication, email, email, Map.of(), HttpStatus.OK);
    }

    @Get("/reset")
    HttpResponse<?> resetForm(
            HttpRequest<?> request, @Nullable @QueryValue String token, @Nullable Authentication authentication) {
        return reset(request, authentication, token == null ? "" : token, Map.of(), HttpStatus.OK);
    }

    @Post(value = "/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(HttpRequest<?> request, @Body ResetForm form, @Nullable Authentication authentication) {
        String token = form.token() == null ? "" : form.token();
        if (!csrf.isValid(request, form._csrf())) {
            return reset(
                    request,
                    authentication,
                    token,
                    Map.of("form", "Your form expired. Please try again."),
                    HttpStatus.FORBIDDEN);
        }
        Account account;
        try {
            account = resetting.reset(token, form.password());
        } catch (ProblemException e) {
            return reset(request, authentication, token, errors(e), e.status());
        }
        // committed: every session of the account ended, this browser's too; here at once, elsewhere within a refresh
        endedSessions.generationChanged(account.id(), account.sessionGeneration());
        return HttpResponse.seeOther(URI.create("/signin?reset=done")).cookie(tokens.expiredCookie());
    }

    private HttpResponse<?> forgot(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            String email,
            @Nullable String sentTo,
            Map<String, String> errors,
            HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("sentTo", sentTo);
        model.put("errors", errors);
        return pages.page(request, authentication, FORGOT, "Forgot your password?", model, status);
    }

    private HttpResponse<?> reset(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            String token,
            Map<String, String> errors,
            HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("errors", errors);
        model.put("gone", status == HttpStatus.GONE);
        return pages.page(request, authentication, RESET, "Set a new password", model, status);
    }

    private static Map<String, String> errors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError error : e.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", e.getMessage());
        }
        return errors;
    }

    @Serdeable
    record ForgotForm(@Nullable String email, @Nullable String _csrf) {}

    @Serdeable
    record ResetForm(
            @Nullable String token,
            @Nullable String password,
            @Nullable String _csrf) {}
}
