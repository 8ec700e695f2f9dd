package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.Recognition;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * A donor changes, for one of their gifts, whether and how it may be thanked publicly; the funds
 * service follows ({@code DonationRecognitionChanged}), so the transparency page shows or hides it.
 */
@Singleton
public class ChangingRecognition {

    private final Donations donations;
    private final Outbox outbox;
    private final Clock clock;

    ChangingRecognition(Donations donations, Outbox outbox, Clock clock) {
        this.donations = donations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Donation change(DonorId donor, DonationId id, boolean consent, boolean anonymous, String displayName) {
        Donation donation = donations
                .lock(id)
                .filter(d -> d.belongsTo(donor))
                .orElseThrow(() -> ProblemException.notFound("No donation " + id));
        if (displayName != null && displayName.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("displayName", "must not contain control characters");
        }
        Recognition recognition = consent ? new Recognition(true, anonymous, displayName) : Recognition.NONE;
        donation.changeRecognition(recognition, clock.instant()).ifPresent(changed -> {
            donations.update(donation);
            DonationIntegrationEvents.publish(outbox, changed);
        });
        return donation;
    }
}
