package org.endow.donations.registrations.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code endow.registrations.*}: the portal's public address, where registrants open their offer
 * (env {@code ENDOW_REGISTRATIONS_PORTAL_URL}).
 */
@ConfigurationProperties("endow.registrations")
record RegistrationsProperties(
        @Bindable(defaultValue = "http://localhost:8080") String portalUrl) {}
