package org.endow.platform.mail;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * The mail outbox and its relay run in every service that uses the messaging library ({@code endow.messaging.service})
 * and in an application that asks for mail only ({@code endow.mail.outbox-enabled=true}: the gateway, which sends the
 * account mails and talks to no broker). Either way the application's database holds the platform's tables.
 */
public final class MailOutboxEnabled implements Condition {

    @Override
    @SuppressWarnings("rawtypes") // the interface declares it raw
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return false;
        }
        return properties.containsProperty("endow.messaging.service")
                || properties
                        .getProperty("endow.mail.outbox-enabled", Boolean.class)
                        .orElse(false);
    }
}
