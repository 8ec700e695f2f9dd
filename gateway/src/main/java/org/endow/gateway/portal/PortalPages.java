package org.endow.gateway.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.Map;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.platform.security.Caller;

/**
 * Renders a portal page inside the shared layout: title, CSRF token (cookie set when new), the signed-in user, the
 * two-factor reminder for staff, how values are shown ({@link Shown}), and {@code Cache-Control: no-store}. Every portal controller renders through this.
 */
@Singleton
public class PortalPages {

    private final CsrfTokens csrf;

    PortalPages(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    public HttpResponse<?> page(
            HttpRequest<?> request,
            @Nullable Authentication authentication,
            String view,
            String title,
            Map<String, Object> model,
            HttpStatus status) {
        CsrfTokens.Token token = csrf.tokenFor(request);
        model.put("title", title);
        model.put("csrf", token.value());
        model.put("user", authentication == null ? null : Caller.of(authentication));
        model.put("show", Shown.INSTANCE);
        model.put(
                "secondFactorRequired",
                authentication != null
                        && SessionTokens.MFA_ENROLMENT_REQUIRED.equals(
                                authentication.getAttributes().get(SessionTokens.MFA_CLAIM)));
        MutableHttpResponse<ModelAndView<Map<String, Object>>> response =
                HttpResponse.status(status).body(new ModelAndView<>(view, model));
        if (token.isNew()) {
            response.cookie(csrf.cookie(token));
        }
        response.header("Cache-Control", "no-store");
        return response;
    }

    /** Whether the form's CSRF field matches the request's cookie. */
    public boolean csrfValid(HttpRequest<?> request, @Nullable String field) {
        return csrf.isValid(request, field);
    }

    /**
     * The signed-in person's token, to call services on their behalf: the one the gateway verified, nothing when it
     * verified none (a signed-out cookie is never passed on).
     */
    public static String token(HttpRequest<?> request) {
        return SessionTokens.verified(request).orElse("");
    }
}
