package org.endow.grants.proposals.infrastructure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.endow.grants.proposals.application.KeepingDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the process's deadlines every {@code endow.grants.deadline-check} (off with {@code endow.grants.deadlines-enabled=false}). */
@Singleton
@Requires(property = "endow.grants.deadlines-enabled", notEquals = "false")
class DeadlineJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineJob.class);

    private final KeepingDeadlines deadlines;

    DeadlineJob(KeepingDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(fixedDelay = "${endow.grants.deadline-check:1m}", initialDelay = "10s")
    void run() {
        try {
            int moved = deadlines.run();
            if (moved > 0) {
                LOG.info("{} grant proposal(s) moved on at their deadline", moved);
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking grant deadlines failed; next round retries", e);
        }
    }
}
