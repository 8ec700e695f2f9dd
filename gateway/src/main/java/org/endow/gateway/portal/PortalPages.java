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
 * Renders a portal page in the shared layout: the title, the signed-in person, a CSRF token for its
 * forms (set as a cookie when new), never cached. Every portal feature renders through it.
 */
@Singleton
public class PortalPages {

    private final CsrfTokens csrf;

    PortalPages(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    public HttpResponse<?> render(
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
        MutableHttpResponse<ModelAndView<Map<String, Object>>> response =
                HttpResponse.status(status).body(new ModelAndView<>(view, model));
        if (token.isNew()) {
            response.cookie(csrf.cookie(token));
        }
        response.header("Cache-Control", "no-store");
        return response;
    }

    /** Whether the form's CSRF field matches the cookie. */
    public boolean csrfValid(HttpRequest<?> request, @Nullable String submitted) {
        return csrf.isValid(request, submitted);
    }

    /** The signed-in person's token, to call services on their behalf. */
    public static String token(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(SessionTokens.COOKIE)
                .map(c -> c.getValue())
                .orElse("");
    }
}
