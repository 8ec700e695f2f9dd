package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.endow.sponsors.sponsorships.application.RemindingSponsors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the sponsors' reminders ({@code endow.sponsors.reminder-check}, default hourly). */
@Singleton
@Requires(property = "endow.sponsors.reminders-enabled", notEquals = "false")
class ReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final RemindingSponsors reminding;

    ReminderJob(RemindingSponsors reminding) {
        this.reminding = reminding;
    }

    @Scheduled(fixedDelay = "${endow.sponsors.reminder-check:1h}", initialDelay = "30s")
    void run() {
        try {
            int queued = reminding.remind();
            if (queued > 0) {
                LOG.info("Sponsor reminders: {} queued", queued);
            }
        } catch (RuntimeException e) {
            LOG.warn("Sponsor reminders failed this round: {}", e.toString());
        }
    }
}
