package org.endow.donations.registrations.infrastructure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.endow.donations.registrations.application.ApplyingDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies cancelled events' defaults after their deadline, every {@code endow.registrations.default-check}. */
@Singleton
@Requires(property = "endow.registrations.defaults-enabled", notEquals = "false")
class DefaultsJob {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultsJob.class);

    private final ApplyingDefaults defaults;

    DefaultsJob(ApplyingDefaults defaults) {
        this.defaults = defaults;
    }

    @Scheduled(fixedDelay = "${endow.registrations.default-check:1m}", initialDelay = "10s")
    void run() {
        try {
            ApplyingDefaults.Round round = defaults.applyDue();
            if (round.applied() > 0) {
                LOG.info("{} registration(s) got their event's default after the deadline", round.applied());
            }
            if (round.failed() > 0) {
                LOG.warn("{} registration(s) could not get their event's default; next round retries", round.failed());
            }
        } catch (RuntimeException e) {
            LOG.warn("Applying registration defaults failed; next round retries", e);
        }
    }
}
