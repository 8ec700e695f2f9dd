package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.StaffActions;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * Staff reconcile a bank transfer or cheque: the pledge becomes received, audited, and
 * {@code DonationReceived} goes to the ledger in the same transaction. The donation's row is locked first, so
 * concurrent reconciliations of one transfer record it once and the others are told it was already received.
 */
@Singleton
public class RecordingReceipt {

    private final Donations donations;
    private final StaffActions audit;
    private final Outbox outbox;
    private final Clock clock;

    RecordingReceipt(Donations donations, StaffActions audit, Outbox outbox, Clock clock) {
        this.donations = donations;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Donation receive(String staffId, DonationId id, String reference) {
        // locked: two staff (or one double click) reconciling the same transfer must not both see it pledged
        Donation donation = donations.lock(id).orElseThrow(() -> ProblemException.notFound("No donation " + id));
        DonationEvent.DonationReceived received;
        try {
            received = donation.receive(clock.instant(), reference);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        donations.update(donation);
        DonationIntegrationEvents.publish(outbox, received);
        audit.record(
                staffId,
                "donation.received",
                id.toString(),
                donation.amount() + (reference == null ? "" : ", reference " + reference),
                received.occurredAt());
        return donation;
    }
}
