package org.endow.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final AtomicInteger verifications = new AtomicInteger();
    /** What the real validator would accept: token text → its claims (expiry checked against {@link #now}). */
    final Map<String, JWT> valid = new HashMap<>();
    /** The subjects whose sessions have ended, as the gateway's {@link EndedSessions} would say. */
    final java.util.Set<String> endedFor = new java.util.HashSet<>();

    final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> verifier = new ReactiveJsonWebTokenValidator<>() {
        @Override
        public Publisher<JWT> validate(String token, HttpRequest<?> request) {
            verifications.incrementAndGet();
            JWT jwt = valid.get(token);
            try {
                Date exp = jwt == null ? null : jwt.getJWTClaimsSet().getExpirationTime();
                return jwt != null && (exp == null || now.get() < exp.getTime()) ? Mono.just(jwt) : Mono.empty();
            } catch (java.text.ParseException e) {
                return Mono.error(e);
            }
        }

        @Override
        public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
            throw new AssertionError("not used");
        }
    };

    final VerifiedTokens tokens = new VerifiedTokens(
            verifier,
            jwt -> {
                try {
                    return Optional.of(
                            Authentication.build(jwt.getJWTClaimsSet().getSubject(), List.of("DONOR")));
                } catch (java.text.ParseException e) {
                    return Optional.empty();
                }
            },
            now::get,
            List.of(authentication -> endedFor.contains(authentication.getName())));

    String token(String subject, Long expiresInMillis) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject);
        if (expiresInMillis != null) {
            claims.expirationTime(new Date(now.get() + expiresInMillis));
        }
        PlainJWT jwt = new PlainJWT(claims.build());
        String text = jwt.serialize();
        valid.put(text, jwt);
        return text;
    }

    Authentication check(String token) {
        return Mono.from(tokens.validateToken(token, HttpRequest.GET("/"))).block();
    }

    @Test
    void a_token_is_verified_once_then_answered_from_memory_with_the_same_identity() {
        String ada = token("ada", 60_000L);

        Authentication first = check(ada);
        Authentication second = check(ada);

        assertEquals("ada", first.getName());
        assertSame(first, second);
        assertEquals(1, verifications.get());
    }

    @Test
    void an_expired_token_is_refused_even_if_remembered() {
        String ada = token("ada", 60_000L);
        check(ada);

        now.addAndGet(60_000);

        assertNull(check(ada), "exp is exclusive, as in the JWT validator");
        assertNull(check(ada));
        assertEquals(2, verifications.get(), "forgotten once expired, then verified (and refused) again");
    }

    @Test
    void a_token_that_does_not_verify_is_never_remembered() {
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJldmUifQ.";

        assertNull(check(forged));
        assertNull(check(forged));

        assertEquals(2, verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void a_token_without_expiry_is_verified_every_time() {
        String forever = token("svc", null);

        assertEquals("svc", check(forever).getName());
        assertEquals("svc", check(forever).getName());

        assertEquals(2, verifications.get());
    }

    @Test
    void each_token_is_its_own_entry_and_memory_stays_bounded() {
        String ada = token("ada", 60_000L);
        String bob = token("bob", 60_000L);
        assertEquals("ada", check(ada).getName());
        assertEquals("bob", check(bob).getName());
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES + 5; i++) {
            check(token("donor-" + i, 60_000L));
        }
        assertTrue(tokens.size() <= VerifiedTokens.MAX_ENTRIES, "bounded: " + tokens.size());
        assertEquals("ada", check(ada).getName(), "a forgotten token is simply verified again");
    }

    @Test
    void a_remembered_token_whose_session_ended_is_forgotten_and_refused() {
        String ada = token("ada", 60_000L);
        String bob = token("bob", 60_000L);
        assertEquals("ada", check(ada).getName());
        assertEquals("bob", check(bob).getName());

        endedFor.add("ada");

        assertNull(check(ada), "refused at once, not when the token expires");
        assertEquals("bob", check(bob).getName(), "another session is not touched");
        assertNull(check(ada), "and not remembered again after verifying");
        assertEquals(3, verifications.get(), "ada's token verified again once forgotten, then refused");
    }
}
