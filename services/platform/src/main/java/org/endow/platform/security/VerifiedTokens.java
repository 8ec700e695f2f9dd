package org.endow.platform.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.reactivestreams.Publisher;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Remembers, until it expires, a token that verified: the same bytes verify again to the same identity, so a browser
 * session or an API client sending its token with every request costs one RSA verification and one claims check per
 * token, not per request (issue #8: the verification was ~8 % of the donations service's CPU on the pledge path, and
 * the gateway and the service each paid it). Runs before Micronaut's JWT validator; a token it has not seen is
 * verified by that validator (signature, issuer, expiry) and only then remembered, keyed by its whole text. A
 * remembered token is answered only while {@code now < exp}, so expiry is as strict as before. Bounded: when full,
 * the expired entries go, and if that is not enough, all of them (the next requests verify again). {@code
 * ENDOW_SECURITY_REMEMBER_VERIFIED_TOKENS=false} turns it off (every request verified, as measured before). A
 * remembered token whose session has ended ({@link EndedSessions}, kept by the gateway) is forgotten and refused.
 */
@Singleton
@Requires(beans = ReactiveJsonWebTokenValidator.class)
@Requires(property = "endow.security.remember-verified-tokens", notEquals = "false", defaultValue = "true")
final class VerifiedTokens implements TokenValidator<HttpRequest<?>> {

    static final int MAX_ENTRIES = 10_000;

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> verifier;
    private final JwtAuthenticationFactory authentications;
    private final LongSupplier nowMillis;
    private final List<EndedSessions> endedSessions;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens(
            ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> verifier,
            JwtAuthenticationFactory authentications,
            List<EndedSessions> endedSessions) {
        this(verifier, authentications, System::currentTimeMillis, endedSessions);
    }

    VerifiedTokens(
            ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> verifier,
            JwtAuthenticationFactory authentications,
            LongSupplier nowMillis,
            List<EndedSessions> endedSessions) {
        this.verifier = verifier;
        this.authentications = authentications;
        this.nowMillis = nowMillis;
        this.endedSessions = List.copyOf(endedSessions);
        LoggerFactory.getLogger(VerifiedTokens.class)
                .info("A token that verified is remembered until it expires (at most {})", MAX_ENTRIES);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Verified known = verified.get(token);
        if (known != null) {
            if (nowMillis.getAsLong() < known.expiresAtMillis() && !ended(known.authentication())) {
                return Mono.just(known.authentication());
            }
            verified.remove(token, known);
            return Mono.empty(); // expired or its session ended: the JWT validator refuses it too
        }
        return Mono.from(verifier.validate(token, request)).flatMap(jwt -> {
            Authentication authentication =
                    authentications.createAuthentication(jwt).orElse(null);
            if (authentication == null || ended(authentication)) {
                return Mono.empty();
            }
            remember(token, jwt, authentication);
            return Mono.just(authentication);
        });
    }

    private void remember(String token, JWT jwt, Authentication authentication) {
        Date expiry;
        try {
            expiry = jwt.getJWTClaimsSet().getExpirationTime();
        } catch (ParseException e) {
            return; // it verified, so this does not happen; not remembered either way
        }
        if (expiry == null) {
            return; // a token that never expires is verified every time
        }
        if (verified.size() >= MAX_ENTRIES) {
            long now = nowMillis.getAsLong();
            verified.values().removeIf(entry -> entry.expiresAtMillis() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(authentication, expiry.getTime()));
    }

    private boolean ended(Authentication authentication) {
        for (EndedSessions sessions : endedSessions) {
            if (sessions.ended(authentication)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return verified.size();
    }

    private record Verified(Authentication authentication, long expiresAtMillis) {}
}
