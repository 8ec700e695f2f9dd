package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.endow.gateway.accounts.application.EnsuringFirstAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
class FirstAdminAtStartup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminAtStartup.class);

    private final EnsuringFirstAdmin ensuring;
    private final AccountsProperties properties;

    FirstAdminAtStartup(EnsuringFirstAdmin ensuring, AccountsProperties properties) {
        this.ensuring = ensuring;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        ensuring.ensure(properties.adminEmail(), properties.adminPassword())
                .ifPresent(password -> LOG.warn(
                        "\n\n  First administrator created: {}  password: {}\n  This password is shown once. Sign in and keep it safe.\n",
                        properties.adminEmail(),
                        password));
    }
}
