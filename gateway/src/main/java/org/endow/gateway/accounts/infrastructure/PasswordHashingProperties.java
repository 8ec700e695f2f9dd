package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Argon2id cost; the defaults are OWASP's minimum recommendation (19 MiB, 2 passes, 1 lane). */
@ConfigurationProperties("endow.accounts.password-hashing")
record PasswordHashingProperties(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism) {}
