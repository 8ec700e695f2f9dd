package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.DefaultTokenResolver;
import io.micronaut.security.token.reader.TokenResolver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The gateway verifies exactly one token per request ({@link SessionTokens#presented}: the bearer token, else the
 * session cookie), the one it passes on. Micronaut's resolver hands the security filter every token a request
 * carries and counts the request signed in if any of them verifies; with a signed-out or demoted token beside a valid
 * one (a fresh account's cookie), the gateway would then have passed on the refused one.
 */
@Singleton
@Replaces(DefaultTokenResolver.class)
@SuppressWarnings("removal") // the resolver replaced is deprecated for removal; replacing it is what is asked
final class OneTokenPerRequest implements TokenResolver<HttpRequest<?>> {

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        return SessionTokens.presented(request);
    }

    @Override
    public List<String> resolveTokens(HttpRequest<?> request) {
        return resolveToken(request).map(List::of).orElse(List.of());
    }
}
