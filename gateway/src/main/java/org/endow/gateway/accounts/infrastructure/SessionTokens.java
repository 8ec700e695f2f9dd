package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.endow.gateway.accounts.model.Account;

/** Mints the signed token that carries an account's identity, and the browser cookie holding it. */
@Singleton
public class SessionTokens {

    public static final String COOKIE = "endow_session";

    private final TokenGenerator generator;
    private final int expirySeconds;

    SessionTokens(
            TokenGenerator generator,
            @Value("${micronaut.security.token.generator.access-token.expiration:28800}") int expirySeconds) {
        this.generator = generator;
        this.expirySeconds = expirySeconds;
    }

    public String issue(Account account) {
        Authentication authentication = Authentication.build(
                account.id().toString(),
                account.roles().stream().map(Enum::name).sorted().toList(),
                Map.of("name", account.displayName(), "email", account.email().value()));
        return generator
                .generateToken(authentication, expirySeconds)
                .orElseThrow(() -> new IllegalStateException("no token generator configured"));
    }

    public int expirySeconds() {
        return expirySeconds;
    }

    /** HttpOnly (no script reads it), Secure, SameSite=Lax (no cross-site POST carries it). */
    public Cookie cookie(String token) {
        return Cookie.of(COOKIE, token)
                .httpOnly(true)
                .secure(true)
                .sameSite(SameSite.Lax)
                .path("/")
                .maxAge(Duration.ofSeconds(expirySeconds));
    }

    public Cookie expiredCookie() {
        return Cookie.of(COOKIE, "")
                .httpOnly(true)
                .secure(true)
                .sameSite(SameSite.Lax)
                .path("/")
                .maxAge(0);
    }
}
