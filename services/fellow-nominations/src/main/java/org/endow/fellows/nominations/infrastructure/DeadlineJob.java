package org.endow.fellows.nominations.infrastructure;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.endow.fellows.nominations.application.Voting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the votes whose review window ended and sends the reminders, on the service's clock. Safe
 * with several replicas: each nominee is closed under its row lock and re-checked, and each reminder
 * is recorded once.
 */
@Singleton
@Requires(property = "endow.fellows.deadlines-enabled", notEquals = "false")
class DeadlineJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineJob.class);

    private final Voting voting;

    DeadlineJob(Voting voting) {
        this.voting = voting;
    }

    @Scheduled(
            fixedDelay = "${endow.fellows.deadline-check:1m}",
            initialDelay = "${endow.fellows.deadline-initial-delay:10s}")
    void run() {
        try {
            int closed = voting.closeDue();
            int reminded = voting.remind();
            if (closed + reminded > 0) {
                LOG.info("Fellow deadlines: {} votes closed, {} reminders sent", closed, reminded);
            }
        } catch (RuntimeException e) {
            LOG.warn("Fellow deadlines failed this round: {}", e.toString());
        }
    }
}
