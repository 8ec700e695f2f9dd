package org.endow.sponsors.sponsorships.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.endow.events.sponsorships.v1.SponsorshipEvents;
import org.endow.events.sponsorships.v1.SponsorshipPaid;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.sponsorships.model.FeeSplit;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * Staff record that an executed sponsorship's invoice was paid (bank transfer): audited, the sponsor
 * thanked, and {@code SponsorshipPaid} with the fee split by program goes to the funds ledger in the
 * same transaction.
 */
@Singleton
public class RecordingSponsorshipPayment {

    private final Sponsorships sponsorships;
    private final ContractContents contents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final SponsorNotifications notifications;
    private final Clock clock;

    RecordingSponsorshipPayment(
            Sponsorships sponsorships,
            ContractContents contents,
            Outbox outbox,
            AuditTrail audit,
            SponsorNotifications notifications,
            Clock clock) {
        this.sponsorships = sponsorships;
        this.contents = contents;
        this.outbox = outbox;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Staff record the invoice paid now (they record a transfer when it arrives). */
    @Transactional
    public Sponsorship paid(String staff, UUID id, String reference) {
        return paid(staff, id, reference, clock.instant());
    }

    /**
     * The invoice was paid at {@code paidAt} (a card payment: when the provider took the money, however late its
     * event arrived); audited when recorded.
     */
    @Transactional
    public Sponsorship paid(String staff, UUID id, String reference, Instant paidAt) {
        Sponsorship s = sponsorships.lock(id).orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        try {
            s.paid(paidAt, reference);
        } catch (Sponsorship.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        sponsorships.update(s);
        outbox.append(SponsorshipEvents.SPONSORSHIP_PAID, id.toString(), toContract(s, contents));
        audit.record(
                staff,
                "sponsorship.paid",
                "sponsorship:" + id,
                "invoice " + s.invoiceNumber() + (reference == null ? "" : ", reference " + reference),
                clock.instant());
        notifications.paid(s);
        return s;
    }

    static SponsorshipPaid toContract(Sponsorship s, ContractContents contents) {
        return new SponsorshipPaid(
                s.id().toString(),
                s.organisation().name(),
                s.selection().year(),
                s.selection().packageCode(),
                s.fee().minor(),
                s.fee().currencyCode(),
                s.invoiceNumber(),
                s.paidAt(),
                contents.split(s).stream()
                        .map((FeeSplit.Share share) -> new SponsorshipPaid.ProgramShare(
                                share.programCode(), share.amount().minor()))
                        .toList());
    }
}
