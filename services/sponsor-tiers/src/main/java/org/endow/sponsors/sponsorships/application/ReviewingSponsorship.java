package org.endow.sponsors.sponsorships.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * Staff review an application: approve it (dates, optionally an adjusted fee; the contract's first
 * draft is generated), reject it with a reason (its held units are freed), or send it back for
 * changes. Each is refused with a clear message from the wrong state, audited, and emailed to the
 * sponsor.
 */
@Singleton
public class ReviewingSponsorship {

    private final Sponsorships sponsorships;
    private final ContractContents contents;
    private final AuditTrail audit;
    private final SponsorNotifications notifications;
    private final SponsorshipTerms terms;
    private final Clock clock;

    ReviewingSponsorship(
            Sponsorships sponsorships,
            ContractContents contents,
            AuditTrail audit,
            SponsorNotifications notifications,
            SponsorshipTerms terms,
            Clock clock) {
        this.terms = terms;
        this.sponsorships = sponsorships;
        this.contents = contents;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Sponsorship approve(String staff, UUID id, LocalDate start, LocalDate end, Long feeMinor) {
        return decide(staff, id, "sponsorship.approved", s -> {
            Money adjusted =
                    feeMinor == null ? null : Money.of(feeMinor, s.fee().currencyCode());
            try {
                s.approve(start, end, adjusted, terms.vettingRequired());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(
                        e.getMessage().contains("fee") ? "feeMinor" : "endDate", e.getMessage());
            }
            contents.store(s, ContractDocument.Kind.DRAFT, null);
            notifications.approved(s);
        });
    }

    /**
     * Staff record the organisation's code-of-conduct vetting: failing it rejects the application
     * (its units are freed, the sponsor is told why).
     */
    @Transactional
    public Sponsorship vet(String staff, UUID id, boolean passed, String note) {
        return decide(staff, id, passed ? "sponsorship.vetting-passed" : "sponsorship.vetting-failed", s -> {
            try {
                s.vet(passed, note, staff, clock.instant());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("note", "say why it did not pass");
            }
            if (!passed) {
                sponsorships.release(s.id());
                notifications.rejected(s);
            }
        });
    }

    /** Staff let an approved sponsor appear on the wall (within its dates) before the contract is executed, or stop it. */
    @Transactional
    public Sponsorship showOnWallEarly(String staff, UUID id, boolean shown) {
        return decide(
                staff,
                id,
                shown ? "sponsorship.wall-early-allowed" : "sponsorship.wall-early-withdrawn",
                s -> s.showBeforeExecution(shown));
    }

    @Transactional
    public Sponsorship reject(String staff, UUID id, String reason) {
        return decide(staff, id, "sponsorship.rejected", s -> {
            try {
                s.reject(reason);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("reason", e.getMessage());
            }
            sponsorships.release(s.id());
            notifications.rejected(s);
        });
    }

    @Transactional
    public Sponsorship sendBack(String staff, UUID id, String reason) {
        return decide(staff, id, "sponsorship.sent-back", s -> {
            try {
                s.rollBackToEditing(reason);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("reason", e.getMessage());
            }
            notifications.sentBack(s);
        });
    }

    private Sponsorship decide(String staff, UUID id, String action, Consumer<Sponsorship> decision) {
        Sponsorship sponsorship =
                sponsorships.lock(id).orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        try {
            decision.accept(sponsorship);
        } catch (Sponsorship.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        sponsorships.update(sponsorship);
        audit.record(
                staff,
                action,
                "sponsorship:" + id,
                sponsorship.organisation().name() + ", " + sponsorship.fee()
                        + (sponsorship.decisionNote() == null ? "" : ": " + sponsorship.decisionNote()),
                clock.instant());
        return sponsorship;
    }
}
