package org.endow.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * {@code mail}: how many mails were given up on ({@code failed}) and whether the SMTP server takes mail ({@code smtp}).
 * Always UP: a service whose mail waits still serves its requests, and a DOWN here would take every replica out of
 * rotation for an SMTP outage; the details say what waits and why.
 */
@Singleton
@Requires(condition = MailOutboxEnabled.class)
@Requires(classes = HealthIndicator.class)
class MailHealthIndicator implements HealthIndicator {

    private final FailedMails failedMails;
    private final Optional<MailRelay> relay;

    MailHealthIndicator(FailedMails failedMails, Optional<MailRelay> relay) {
        this.failedMails = failedMails;
        this.relay = relay;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            details.put("failed", failedMails.count());
        } catch (RuntimeException e) {
            details.put("failed", "unknown: " + e.getMessage());
        }
        details.put(
                "smtp",
                relay.map(r -> r.outage()
                                .map(outage -> "cannot take mail since " + outage.since() + " (" + outage.reason()
                                        + "); next try at " + outage.nextTry())
                                .orElse("no outage"))
                        .orElse("not sent from this process (endow.mail.relay-enabled=false)"));
        return Publishers.just(
                HealthResult.builder("mail", HealthStatus.UP).details(details).build());
    }
}
