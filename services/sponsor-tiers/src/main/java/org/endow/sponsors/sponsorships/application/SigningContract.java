package org.endow.sponsors.sponsorships.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * The contract's life: staff send the draft; the sponsor signs it in the portal (typed name and
 * title, the time, and the SHA-256 of the very draft they read, printed on the signed copy), and staff
 * are told; staff countersign, which executes it and issues the invoice; staff may nullify it, which makes a new
 * draft revision. Every version is stored as issued.
 */
@Singleton
public class SigningContract {

    private final Sponsorships sponsorships;
    private final ContractContents contents;
    private final ContractArchive archive;
    private final InvoiceNumbers invoices;
    private final SponsorshipTerms terms;
    private final AuditTrail audit;
    private final SponsorNotifications notifications;
    private final Clock clock;

    SigningContract(
            Sponsorships sponsorships,
            ContractContents contents,
            ContractArchive archive,
            InvoiceNumbers invoices,
            SponsorshipTerms terms,
            AuditTrail audit,
            SponsorNotifications notifications,
            Clock clock) {
        this.sponsorships = sponsorships;
        this.contents = contents;
        this.archive = archive;
        this.invoices = invoices;
        this.terms = terms;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Sponsorship send(String staff, UUID id) {
        Sponsorship s = locked(id);
        transition(() -> s.sendContract());
        sponsorships.update(s);
        audit.record(staff, "contract.sent", "sponsorship:" + id, "revision " + s.revision(), clock.instant());
        notifications.contractSent(s);
        return s;
    }

    /** @param seenSha256 the SHA-256 of the draft the sponsor read (shown beside the download link) */
    @Transactional
    public Sponsorship sign(String account, UUID id, String name, String title, String seenSha256) {
        Sponsorship s = sponsorships
                .lock(id)
                .filter(x -> x.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        String draft = archive.describe(id, s.revision(), ContractDocument.Kind.DRAFT)
                .orElseThrow(() -> ProblemException.conflict("There is no contract to sign yet"))
                .sha256();
        try {
            s.sign(name, title, clock.instant(), seenSha256, draft);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name == null || name.isBlank() ? "name" : "title", e.getMessage());
        } catch (Sponsorship.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        contents.store(s, ContractDocument.Kind.SIGNED, draft);
        sponsorships.update(s);
        audit.record(
                "sponsor:" + account,
                "contract.signed",
                "sponsorship:" + id,
                name + ", " + title + ", draft " + draft,
                clock.instant());
        notifications.signed(s);
        return s;
    }

    @Transactional
    public Sponsorship countersign(String staff, UUID id, String name, String title) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalidField("name", "type your full name to countersign");
        }
        Sponsorship s = locked(id);
        String signed = archive.describe(id, s.revision(), ContractDocument.Kind.SIGNED)
                .map(ContractDocument::sha256)
                .orElse("");
        String draft = archive.describe(id, s.revision(), ContractDocument.Kind.DRAFT)
                .map(ContractDocument::sha256)
                .orElse("");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // the number is taken in this transaction: a refused countersignature rolls it back, leaving no gap
        String number = invoices.next(today.getYear());
        transition(() -> s.countersign(
                name.strip(),
                title == null || title.isBlank() ? terms.foundation().signatoryTitle() : title.strip(),
                clock.instant(),
                signed,
                number,
                today.plusDays(terms.paymentTermsDays()),
                // the invoice keeps what it charges: later changes to the tax settings do not change it
                terms.tax(s.fee())));
        contents.store(s, ContractDocument.Kind.EXECUTED, draft);
        contents.store(s, ContractDocument.Kind.INVOICE, null);
        sponsorships.update(s);
        audit.record(staff, "contract.countersigned", "sponsorship:" + id, "invoice " + number, clock.instant());
        notifications.executed(
                s,
                archive.document(id, s.revision(), ContractDocument.Kind.EXECUTED)
                        .orElseThrow(),
                archive.document(id, s.revision(), ContractDocument.Kind.INVOICE)
                        .orElseThrow());
        return s;
    }

    @Transactional
    public Sponsorship nullify(String staff, UUID id, String reason) {
        Sponsorship s = locked(id);
        try {
            s.nullify(reason);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("reason", e.getMessage());
        } catch (Sponsorship.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        contents.store(s, ContractDocument.Kind.DRAFT, null);
        sponsorships.update(s);
        audit.record(
                staff,
                "contract.nullified",
                "sponsorship:" + id,
                reason + "; now revision " + s.revision(),
                clock.instant());
        notifications.nullified(s);
        return s;
    }

    private Sponsorship locked(UUID id) {
        return sponsorships.lock(id).orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
    }

    private static void transition(Runnable change) {
        try {
            change.run();
        } catch (Sponsorship.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }
}
