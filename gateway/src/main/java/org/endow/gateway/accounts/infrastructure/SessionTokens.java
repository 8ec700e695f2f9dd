package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.MfaPolicy;
import org.endow.gateway.accounts.model.SecondFactor;
import org.endow.gateway.accounts.model.SecondFactors;

/** Mints the signed token that carries an account's identity, and the browser cookie holding it. */
@Singleton
public class SessionTokens {

    public static final String COOKIE = "endow_session";

    /** Claim set when privileged roles were left out until the account sets up two-factor sign-in. */
    public static final String MFA_CLAIM = "mfa";

    public static final String MFA_ENROLMENT_REQUIRED = "enrolment-required";

    /** Claim naming the session a token was issued for: signing out ends it ({@link JdbcEndedSessions}). */
    public static final String SESSION_CLAIM = "sid";

    /** Claim naming the account's session generation the token was issued in: a change of roles ends it. */
    public static final String GENERATION_CLAIM = "gen";

    private final TokenGenerator generator;
    private final int expirySeconds;
    private final MfaPolicy mfa;
    private final SecondFactors secondFactors;

    SessionTokens(
            TokenGenerator generator,
            @Value("${micronaut.security.token.generator.access-token.expiration:28800}") int expirySeconds,
            MfaPolicy mfa,
            SecondFactors secondFactors) {
        this.generator = generator;
        this.mfa = mfa;
        this.secondFactors = secondFactors;
        this.expirySeconds = expirySeconds;
    }

    /**
     * A session for {@code account}. Roles that need a second factor are left out while the account has none
     * enabled (and the policy is enforced); the {@value #MFA_CLAIM} claim then tells the portal to ask for set-up.
     */
    @Transactional(readOnly = true)
    public String issue(Account account) {
        boolean secondFactor =
                secondFactors.find(account.id()).filter(SecondFactor::enabled).isPresent();
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("name", account.displayName());
        claims.put("email", account.email().value());
        claims.put(SESSION_CLAIM, UUID.randomUUID().toString());
        claims.put(GENERATION_CLAIM, account.sessionGeneration());
        if (mfa.enrolmentRequired(account, secondFactor)) {
            claims.put(MFA_CLAIM, MFA_ENROLMENT_REQUIRED);
        }
        Authentication authentication = Authentication.build(
                account.id().toString(),
                mfa.effectiveRoles(account, secondFactor).stream()
                        .map(Enum::name)
                        .sorted()
                        .toList(),
                claims);
        return generator
                .generateToken(authentication, expirySeconds)
                .orElseThrow(() -> new IllegalStateException("no token generator configured"));
    }

    /**
     * The one token a request presents: its bearer token when it has one, else its session cookie. The security
     * filter verifies only this one ({@link OneTokenPerRequest}), and only this one is ever passed on: with two, a
     * token refused (signed out, of an older session generation) could otherwise ride along with a valid one.
     */
    public static Optional<String> presented(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders()
                .getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
        if (bearer.isPresent()) {
            return bearer;
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(t -> !t.isEmpty());
    }

    /** The token the security filter verified for this request; empty when the caller is not signed in. */
    public static Optional<String> verified(HttpRequest<?> request) {
        boolean authenticated = request.getUserPrincipal(Authentication.class).isPresent()
                || request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                        .isPresent();
        return authenticated ? presented(request) : Optional.empty();
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
