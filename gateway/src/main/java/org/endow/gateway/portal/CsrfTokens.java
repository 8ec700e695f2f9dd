package org.endow.gateway.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Double-submit CSRF defence for the portal's forms: a random token in a SameSite=Strict cookie
 * and the same token in a hidden field; a POST whose two copies differ is refused. (The session
 * cookie is SameSite=Lax too, so this is the second line.)
 */
@Singleton
public class CsrfTokens {

    public static final String COOKIE = "endow_csrf";
    public static final String FIELD = "_csrf";

    private final SecureRandom random = new SecureRandom();

    /** The caller's token, or a new one (then {@link #cookie} must be set on the response). */
    public Token tokenFor(HttpRequest<?> request) {
        Optional<String> existing =
                request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> v.length() >= 32);
        if (existing.isPresent()) {
            return new Token(existing.get(), false);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    public boolean isValid(HttpRequest<?> request, String submitted) {
        Optional<String> cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        return submitted != null
                && cookie.isPresent()
                && MessageDigest.isEqual(
                        cookie.get().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    public Cookie cookie(Token token) {
        return Cookie.of(COOKIE, token.value())
                .httpOnly(true)
                .secure(true)
                .sameSite(SameSite.Strict)
                .path("/");
    }

    public record Token(String value, boolean isNew) {}
}
