package org.endow.gateway.accounts.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.SecondFactor;
import org.endow.gateway.accounts.model.SecondFactors;

final class InMemorySecondFactors implements SecondFactors {

    private final Map<AccountId, SecondFactor> factors = new HashMap<>();

    @Override
    public Optional<SecondFactor> find(AccountId account) {
        SecondFactor factor = factors.get(account);
        // a copy, as a database would give
        return Optional.ofNullable(factor)
                .map(f -> new SecondFactor(f.account(), f.secret(), f.enabledAt(), f.lastUsedStep()));
    }

    @Override
    public void save(SecondFactor factor) {
        factors.put(
                factor.account(),
                new SecondFactor(factor.account(), factor.secret(), factor.enabledAt(), factor.lastUsedStep()));
    }

    @Override
    public boolean use(AccountId account, long step) {
        SecondFactor factor = factors.get(account);
        if (factor == null || !factor.enabled() || factor.lastUsedStep() >= step) {
            return false;
        }
        save(new SecondFactor(account, factor.secret(), factor.enabledAt(), step));
        return true;
    }
}
