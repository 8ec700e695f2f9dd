package org.endow.sponsors.sponsorships.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * A sponsor sees their organisation's sponsorships and documents; staff see all; everyone sees the
 * public sponsor wall. Someone else's sponsorship is "not found".
 */
@Singleton
public class ViewingSponsorships {

    private final Sponsorships sponsorships;
    private final ContractArchive archive;
    private final ContractContents contents;
    private final Clock clock;

    ViewingSponsorships(Sponsorships sponsorships, ContractArchive archive, ContractContents contents, Clock clock) {
        this.sponsorships = sponsorships;
        this.archive = archive;
        this.contents = contents;
        this.clock = clock;
    }

    /** Staff: the sponsorships in a status (null: any) that include a benefit (null: any). */
    @Transactional(readOnly = true)
    public List<Sponsorship> all(SponsorshipStatus status, String benefit) {
        List<Sponsorship> found = sponsorships.all(status);
        if (benefit == null || benefit.isBlank()) {
            return found;
        }
        return found.stream()
                .filter(s -> contents.lines(s).stream()
                        .anyMatch(l -> l.benefit().code().equals(benefit.strip())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Sponsorship one(UUID id, String account, boolean staff) {
        return sponsorships
                .find(id)
                .filter(s -> staff || s.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
    }

    @Transactional(readOnly = true)
    public List<Sponsorship> mine(String account) {
        return sponsorships.ownedBy(account);
    }

    /** @param status null for every status */
    @Transactional(readOnly = true)
    public List<Sponsorship> all(SponsorshipStatus status) {
        return sponsorships.all(status);
    }

    @Transactional(readOnly = true)
    public List<ContractDocument> versions(UUID id, String account, boolean staff) {
        one(id, account, staff);
        return archive.versions(id);
    }

    @Transactional(readOnly = true)
    public byte[] document(UUID id, int revision, String kind, String account, boolean staff) {
        one(id, account, staff);
        ContractDocument.Kind parsed = Arrays.stream(ContractDocument.Kind.values())
                .filter(k -> k.name().equalsIgnoreCase(kind))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No document '" + kind + "'"));
        return archive.document(id, revision, parsed)
                .orElseThrow(() -> ProblemException.notFound("No " + kind + " of revision " + revision));
    }

    /** Sponsors whose sponsorship is executed (or paid) and running today, for the public wall. */
    @Transactional(readOnly = true)
    public List<Sponsorship> wall() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return sponsorships.all(null).stream()
                .filter(s -> s.activeOn(today))
                .sorted((a, b) -> Long.compare(b.fee().minor(), a.fee().minor()))
                .toList();
    }
}
