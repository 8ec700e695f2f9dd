package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.SecondFactor;
import org.endow.platform.security.JwtKeyProperties;

/**
 * The real authenticators, pausing after each read ({@code endow.test.second-factors.pause}, tests only): concurrent
 * sign-ins then all read the factor before any of them writes, as they may in production, every time.
 */
@Singleton
@Replaces(JdbcSecondFactors.class)
@Requires(property = "endow.test.second-factors.pause")
class PausingSecondFactors extends JdbcSecondFactors {

    private final Duration pause;

    PausingSecondFactors(
            JdbcOperations jdbc, JwtKeyProperties keys, @Value("${endow.test.second-factors.pause}") Duration pause) {
        super(jdbc, keys);
        this.pause = pause;
    }

    @Override
    public Optional<SecondFactor> find(AccountId account) {
        Optional<SecondFactor> found = super.find(account);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found;
    }
}
