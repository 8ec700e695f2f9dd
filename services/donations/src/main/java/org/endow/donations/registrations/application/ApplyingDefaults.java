package org.endow.donations.registrations.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an event's deadline, registrants who never answered get the event's default, and are told: each in a
 * transaction of its own, so one that fails (and is tried again next round) does not stop the others.
 */
@Singleton
public class ApplyingDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyingDefaults.class);

    private final ApplyingDefault applying;
    private final Clock clock;

    ApplyingDefaults(ApplyingDefault applying, Clock clock) {
        this.applying = applying;
        this.clock = clock;
    }

    /** What a round did: applied now, and failed (left unanswered, tried again next round). */
    public record Round(int applied, int failed) {}

    public Round applyDue() {
        Instant now = clock.instant();
        int applied = 0;
        int failed = 0;
        for (ApplyingDefault.Due due : applying.due(now)) {
            try {
                if (applying.apply(due.event(), due.registration(), now)) {
                    applied++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warn(
                        "The default of {} could not be applied to {} (tried again next round): {}",
                        due.event().code(),
                        due.registration().email(),
                        e.toString());
            }
        }
        return new Round(applied, failed);
    }
}
